package org.civatlas.coverage.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic instances for tests and the benchmark. */
final class PlanningInstances {

    private PlanningInstances() {}

    /**
     * Points placed uniformly in a width x height (metres) rectangle; candidate j covers every demand point within
     * radius (Euclidean). When candidates == demand the candidates are the demand points themselves (villages as
     * candidate sites). Weights are random populations in [100, 3000) or 1 (count-based).
     */
    static CoverageInstance spatial(long seed, int demand, int candidates, double width, double height,
                                    double radius, double preCoveredShare, boolean weighted) {
        Random rnd = new Random(seed);
        double[] dx = new double[demand];
        double[] dy = new double[demand];
        for (int i = 0; i < demand; i++) {
            dx[i] = rnd.nextDouble() * width;
            dy[i] = rnd.nextDouble() * height;
        }
        double[] weights = new double[demand];
        boolean[] already = new boolean[demand];
        for (int i = 0; i < demand; i++) {
            weights[i] = weighted ? 100 + rnd.nextInt(2900) : 1;
            already[i] = rnd.nextDouble() < preCoveredShare;
        }
        double[] cx;
        double[] cy;
        if (candidates == demand) {
            cx = dx;
            cy = dy;
        } else {
            cx = new double[candidates];
            cy = new double[candidates];
            for (int j = 0; j < candidates; j++) {
                cx[j] = rnd.nextDouble() * width;
                cy[j] = rnd.nextDouble() * height;
            }
        }
        // Grid bucketing of demand points (cell size = radius).
        int gw = (int) Math.ceil(width / radius) + 1;
        int gh = (int) Math.ceil(height / radius) + 1;
        List<List<Integer>> cells = new ArrayList<>(gw * gh);
        for (int c = 0; c < gw * gh; c++) {
            cells.add(new ArrayList<>());
        }
        for (int i = 0; i < demand; i++) {
            cells.get((int) (dx[i] / radius) * gh + (int) (dy[i] / radius)).add(i);
        }
        int[][] coverage = new int[candidates][];
        double r2 = radius * radius;
        List<Integer> buf = new ArrayList<>();
        for (int j = 0; j < candidates; j++) {
            buf.clear();
            int gx = (int) (cx[j] / radius);
            int gy = (int) (cy[j] / radius);
            for (int a = Math.max(0, gx - 1); a <= Math.min(gw - 1, gx + 1); a++) {
                for (int b = Math.max(0, gy - 1); b <= Math.min(gh - 1, gy + 1); b++) {
                    for (int i : cells.get(a * gh + b)) {
                        double ex = dx[i] - cx[j];
                        double ey = dy[i] - cy[j];
                        if (ex * ex + ey * ey <= r2) {
                            buf.add(i);
                        }
                    }
                }
            }
            coverage[j] = buf.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new CoverageInstance(weights, already, coverage);
    }

    /** The county-size instance: 251 villages in 80 km x 60 km, 5 km coverage, 40 % pre-covered. */
    static CoverageInstance county(long seed, boolean weighted) {
        return spatial(seed, 251, 251, 80_000, 60_000, 5_000, 0.4, weighted);
    }

    /** Large instance: 20,000 demand x 5,000 candidates, about 10 demand units per candidate. */
    static CoverageInstance large(long seed) {
        return spatial(seed, 20_000, 5_000, 400_000, 300_000, 4_400, 0.3, true);
    }

    /** Random abstract instance: each candidate covers 1..maxCover random demand units. */
    static CoverageInstance random(long seed, int demand, int candidates, int maxCover, double preCovered,
                                   boolean weighted) {
        Random rnd = new Random(seed);
        double[] weights = new double[demand];
        boolean[] already = new boolean[demand];
        for (int i = 0; i < demand; i++) {
            weights[i] = weighted ? rnd.nextInt(1000) / 10.0 : 1; // may be 0
            already[i] = rnd.nextDouble() < preCovered;
        }
        int[][] coverage = new int[candidates][];
        for (int j = 0; j < candidates; j++) {
            int c = 1 + rnd.nextInt(maxCover);
            coverage[j] = rnd.ints(c, 0, demand).distinct().sorted().toArray();
        }
        return new CoverageInstance(weights, already, coverage);
    }
}
