package org.mashlive.wallboard;

import java.time.Clock;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;

/**
 * Creates the board view with a test's feed and clock, as Spring does with the real ones. Found by
 * the browserless environment through {@code lookupServices()}.
 */
public class TestInstantiatorFactory implements InstantiatorFactory {

    static volatile BoardFeed feed = new TestBoardFeed();
    static volatile Clock clock = Clock.systemUTC();

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new DefaultInstantiator(service) {
            @Override
            public <T> T getOrCreate(Class<T> type) {
                if (type == BoardView.class) {
                    return type.cast(new BoardView(feed, clock));
                }
                return super.getOrCreate(type);
            }
        };
    }
}
