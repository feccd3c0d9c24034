package org.mashlive.wallboard.board;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

import org.mashlive.wallboard.BoardText;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

/**
 * The kiosk's optional chime (docs/decisions/0024-warnings-chime-and-forecast-on-the-board.md): off
 * unless the board's address asks for it ({@code /board?kiosk=…&sound=on}); then an audio element
 * plays once for each new breach ({@link ChimeRule}), not while the board is stale or the chime is
 * muted. An icon, with its state in words where there is room, says whether it will sound; a hub
 * manager signed in on a board sees a button that mutes every board's chime for an hour.
 */
final class SoundControl extends Div {

    private final BoardSound sound;
    private final ChimeRule rule = new ChimeRule();
    private final Element audio = new Element("audio");
    private final Span state = Tile.span("sound-state", "sound-state");
    private final Html iconOn = icon("sound-icon-on", true);
    private final Html iconOff = icon("sound-icon-off", false);
    private final Span label = Tile.span("sound-label", "sound-label");
    private final NativeButton mute = new NativeButton();
    private boolean on;
    private int plays;
    private Runnable afterChange = () -> { };

    SoundControl(BoardSound sound) {
        this.sound = sound;
        setId("sound");
        addClassName("sound");
        audio.setAttribute("id", "chime-audio");
        audio.setAttribute("preload", "auto");
        audio.setAttribute("src", ChimeSound.DATA_URL);
        getElement().appendChild(audio);
        state.getElement().setAttribute("role", "img");
        state.add(iconOn, iconOff);
        mute.setId("sound-mute");
        mute.addClassName("sound-mute");
        mute.addClickListener(click -> toggleMute());
        add(state, label, mute);
        setVisible(false);
    }

    private static Html icon(String id, boolean on) {
        // a loudspeaker, with waves when the chime will sound and struck through when it will not
        String marks = on ? "<path d='M15 8.5a4.5 4.5 0 0 1 0 7M17.5 5.5a8.5 8.5 0 0 1 0 13'/>"
                : "<path d='M15 9l6 6M21 9l-6 6'/>";
        return new Html("<span id='" + id + "' class='sound-icon-box'><svg class='sound-icon' viewBox='0 0 24 24'"
                + " aria-hidden='true'><path class='speaker' d='M3 9v6h4l5 4V5L7 9H3z'/>" + marks + "</svg></span>");
    }

    /** Whether the board's address asked for the chime. */
    void soundOn(boolean on) {
        this.on = on;
    }

    /** How many times this board has asked its audio element to play. */
    int plays() {
        return plays;
    }

    /**
     * Brings the icon up to date and chimes when a referral has newly breached.
     *
     * @param breached the ids of the referrals breached now, or null before the first figures
     * @param open     the ids of every open referral
     * @param live     whether the board is hearing from the backend
     * @param zone     the hub's zone, for the time the mute ends
     */
    void render(Set<Long> breached, Set<Long> open, boolean live, Instant now, ZoneId zone) {
        var muted = sound.mutedUntil(now);
        boolean mayMute = sound.mayMute();
        // shown where it can sound, and to whoever may mute it
        setVisible(on || mayMute);
        String words;
        if (muted.isPresent()) {
            words = "Muted until " + BoardText.clock(muted.get(), zone);
        } else if (!on) {
            words = "Sound off here";
        } else {
            words = live ? "Sound on" : "Sound on · silent while stale";
        }
        boolean audible = on && live && muted.isEmpty();
        iconOn.setVisible(audible);
        iconOff.setVisible(!audible);
        Tile.text(label, words);
        state.getElement().setAttribute("aria-label", words);
        state.getElement().setAttribute("title", words);
        getElement().setAttribute("data-sound", audible ? "on" : muted.isPresent() ? "muted" : on ? "silent" : "off");
        mute.setVisible(mayMute);
        Tile.text(mute, muted.isPresent() ? "Sound back on" : "Mute for an hour");
        if (breached != null && rule.next(breached, open, audible)) {
            plays++;
            // how many times this board asked to chime, beside what the page's audio did with it
            getElement().setAttribute("data-chimes", String.valueOf(plays));
            // a kiosk's browser must allow sound without a click (see the README); refused, it stays quiet
            audio.executeJs("this.currentTime = 0; const p = this.play(); if (p) { p.catch(() => {}); }");
        }
    }

    private void toggleMute() {
        sound.toggle();
        afterChange.run();
    }

    /** What to do once the mute has changed: the board renders again at once. */
    void afterChange(Runnable then) {
        this.afterChange = then;
    }
}
