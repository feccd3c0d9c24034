package org.mashlive.testing;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;
import org.mashlive.wallboard.TestViews;
import org.mashlive.wallboard.duty.TestDutyViews;

/**
 * Creates views with a browserless test's feed and clock, as Spring does with the real ones. It
 * lives outside the wall-board's package so that Vaadin's service lookup in a running application
 * never finds it; browserless tests name it in {@code lookupServices()}.
 */
public class TestInstantiatorFactory implements InstantiatorFactory {

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new DefaultInstantiator(service) {
            @Override
            public <T> T getOrCreate(Class<T> type) {
                return TestViews.create(type).or(() -> TestDutyViews.create(type))
                        .orElseGet(() -> super.getOrCreate(type));
            }
        };
    }
}
