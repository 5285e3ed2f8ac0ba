package dev.fanoutbench.reports.capacity;

import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Gunther's Universal Scalability Law, X(N) = gamma N / (1 + sigma (N - 1) + kappa N (N - 1)), fitted
 * by nonlinear least squares on throughput X at concurrency N, as the R package {@code usl} (3.x) fits
 * it: no normalisation by X(1), which a harness rarely measures. sigma is contention (the share that
 * serialises), kappa coherency (the cost of each pair agreeing), gamma the throughput of one.
 *
 * <p>Sources: N. J. Gunther, Guerrilla Capacity Planning (Springer, 2007), chapter 4; the R package
 * usl by S. Moeding (CRAN), whose SPEC SDM91 example this class's test reproduces.
 *
 * @param sigma contention, 0 to 1
 * @param kappa coherency, 0 or more
 * @param gamma throughput at a concurrency of one, per second
 */
public record Usl(double sigma, double kappa, double gamma) {

    /** The fewest points a fit is made from: three coefficients need room to be wrong. */
    public static final int MIN_POINTS = 6;

    /** One measurement: N requests in flight on average carried X per second. */
    public record Point(double concurrency, double throughput) {}

    /** Throughput the law predicts at a concurrency. */
    public double throughputAt(double n) {
        return gamma * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /**
     * The concurrency where throughput peaks, sqrt((1 - sigma) / kappa); infinite when kappa is 0 (the
     * throughput then levels off at gamma / sigma instead of falling).
     */
    public double peakConcurrency() {
        return kappa <= 0 ? Double.POSITIVE_INFINITY : Math.floor(Math.sqrt((1 - sigma) / kappa));
    }

    /** The highest throughput the law allows: at the peak, or gamma / sigma without coherency. */
    public double peakThroughput() {
        double peak = peakConcurrency();
        if (Double.isInfinite(peak)) {
            return sigma <= 0 ? Double.POSITIVE_INFINITY : gamma / sigma;
        }
        return throughputAt(peak);
    }

    /**
     * The least-squares fit (Levenberg-Marquardt, commons-math3) of the law to the points.
     *
     * @throws IllegalArgumentException with fewer than {@link #MIN_POINTS} points, or points that give no fit
     */
    public static Usl fit(List<Point> points) {
        if (points.size() < MIN_POINTS) {
            throw new IllegalArgumentException("the scalability law needs at least " + MIN_POINTS
                    + " measured points below the knee, got " + points.size());
        }
        double[] n = points.stream().mapToDouble(Point::concurrency).toArray();
        double[] x = points.stream().mapToDouble(Point::throughput).toArray();
        // start where the data points: gamma from the point of least concurrency, little contention, no coherency
        int least = 0;
        for (int i = 1; i < n.length; i++) {
            if (n[i] < n[least]) {
                least = i;
            }
        }
        double gamma0 = x[least] / Math.max(n[least], 1e-9);
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                .optimize(new LeastSquaresBuilder()
                        // sigma and kappa as squares: neither can be negative (R's usl bounds them at 0 too), and
                        // a negative one would be a superlinear law no queue obeys
                        .start(new double[] {0.1, 1e-3, gamma0})
                        .model(parameters -> model(parameters, n))
                        .target(x)
                        .maxEvaluations(10_000)
                        .maxIterations(10_000)
                        .build());
        double[] p = optimum.getPoint().toArray();
        Usl fitted = new Usl(p[0] * p[0], p[1] * p[1], p[2]);
        if (!(fitted.gamma > 0) || Double.isNaN(fitted.sigma) || Double.isNaN(fitted.kappa)) {
            throw new IllegalArgumentException("the scalability law does not fit these points: " + fitted);
        }
        return fitted;
    }

    private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> model(
            RealVector parameters, double[] n) {
        double a = parameters.getEntry(0);
        double b = parameters.getEntry(1);
        double s = a * a;
        double k = b * b;
        double g = parameters.getEntry(2);
        double[] values = new double[n.length];
        double[][] jacobian = new double[n.length][3];
        for (int i = 0; i < n.length; i++) {
            double d = 1 + s * (n[i] - 1) + k * n[i] * (n[i] - 1);
            values[i] = g * n[i] / d;
            jacobian[i][0] = -g * n[i] * (n[i] - 1) / (d * d) * 2 * a;
            jacobian[i][1] = -g * n[i] * n[i] * (n[i] - 1) / (d * d) * 2 * b;
            jacobian[i][2] = n[i] / d;
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }
}
