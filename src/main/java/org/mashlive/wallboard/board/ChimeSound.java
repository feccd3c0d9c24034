package org.mashlive.wallboard.board;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * The chime itself: two soft notes, a sixth apart, made here as a small WAV file so the board needs
 * no sound file from anywhere else, sent once as a data address.
 */
final class ChimeSound {

    static final int RATE = 8000;

    /** The chime as a {@code data:audio/wav;base64,…} address. */
    static final String DATA_URL = "data:audio/wav;base64," + Base64.getEncoder().encodeToString(wav());

    private ChimeSound() {
    }

    /** 8-bit mono PCM: 880 Hz for 0.25 s, then 660 Hz for 0.45 s, each fading out. */
    static byte[] wav() {
        var samples = new ByteArrayOutputStream();
        note(samples, 880, 0.25);
        note(samples, 660, 0.45);
        byte[] pcm = samples.toByteArray();
        var header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + pcm.length)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE).putShort((short) 1)
                .putShort((short) 8)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(pcm.length);
        var wav = new ByteArrayOutputStream();
        wav.writeBytes(header.array());
        wav.writeBytes(pcm);
        return wav.toByteArray();
    }

    private static void note(ByteArrayOutputStream into, double hertz, double seconds) {
        int n = (int) (RATE * seconds);
        for (int i = 0; i < n; i++) {
            double fade = 1.0 - (double) i / n;
            double value = Math.sin(2 * Math.PI * hertz * i / RATE) * 0.6 * fade * fade;
            into.write((int) Math.round(128 + 127 * value));
        }
    }
}
