package org.mashlive.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A finite distribution: values with relative weights. Immutable; sampling draws one double from
 * the generator it is given, so a seeded generator gives a repeatable sequence.
 *
 * @param <T> the kind of value
 */
final class Distribution<T> {

    private final List<T> values;
    private final double[] cumulative;

    private Distribution(List<T> values, double[] weights) {
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weight of " + values.get(i) + " must not be negative");
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights must add up to more than zero");
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= total;
        }
    }

    /** Starts a distribution with {@code value} at relative {@code weight}. */
    static <T> Builder<T> of(T value, double weight) {
        return new Builder<T>().or(value, weight);
    }

    /** One value, drawn by weight. */
    T sample(RandomGenerator random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    /** The probability of {@code value}, 0 when it is not in the distribution. */
    double probability(T value) {
        double p = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equals(value)) {
                p += cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
            }
        }
        return p;
    }

    /** Collects values and weights. */
    static final class Builder<T> {

        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> or(T value, double weight) {
            values.add(value);
            weights.add(weight);
            return this;
        }

        Distribution<T> build() {
            return new Distribution<>(values, weights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
