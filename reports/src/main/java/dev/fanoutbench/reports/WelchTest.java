package dev.fanoutbench.reports;

/**
 * Welch's t-test: do two small samples with possibly different spreads have different means?
 * The two-sided p-value comes from Student's t distribution through the regularized incomplete
 * beta function (continued fraction after Numerical Recipes, log-gamma after Lanczos).
 */
final class WelchTest {

    /** @param pValue two-sided; 1 when the means are equal, 0 when they differ and neither sample varies */
    record Result(double t, double degreesOfFreedom, double pValue) {}

    private WelchTest() {}

    /** @throws IllegalArgumentException with fewer than two samples on a side */
    static Result of(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException(
                    "Welch's test needs two samples a side, got " + a.length + " and " + b.length);
        }
        double meanA = mean(a);
        double meanB = mean(b);
        double va = variance(a, meanA) / a.length;
        double vb = variance(b, meanB) / b.length;
        double se2 = va + vb;
        if (se2 == 0) {
            return meanA == meanB
                    ? new Result(0, a.length + b.length - 2, 1)
                    : new Result(Double.POSITIVE_INFINITY, a.length + b.length - 2, 0);
        }
        double t = (meanB - meanA) / Math.sqrt(se2);
        double df = se2 * se2 / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        return new Result(t, df, twoSidedP(t, df));
    }

    /** P(|T| >= |t|) for Student's t with {@code df} degrees of freedom. */
    static double twoSidedP(double t, double df) {
        return regularizedBeta(df / (df + t * t), df / 2, 0.5);
    }

    static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    private static double variance(double[] xs, double mean) {
        double sum = 0;
        for (double x : xs) {
            sum += (x - mean) * (x - mean);
        }
        return sum / (xs.length - 1);
    }

    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        return x < (a + 1) / (a + b + 2)
                ? front * continuedFraction(x, a, b) / a
                : 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
            d = 1 / nonZero(1 + even * d, tiny);
            c = nonZero(1 + even / c, tiny);
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
            d = 1 / nonZero(1 + odd * d, tiny);
            c = nonZero(1 + odd / c, tiny);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double value, double tiny) {
        return Math.abs(value) < tiny ? tiny : value;
    }

    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
