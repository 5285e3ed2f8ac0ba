package dev.fanoutbench.reports.capacity;

import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.DurationText;
import java.util.List;

/** {@code pool=50,cores=1,service=200ms,stub=apart}: the changes {@code advise --predict} applies to a run. */
final class Prediction {

    private Prediction() {}

    static Capacity.Change parse(String text) {
        Integer pool = null;
        Integer cores = null;
        Double service = null;
        Boolean stubShares = null;
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=", 2);
            String key = kv[0].strip();
            String value = kv.length == 2 ? kv[1].strip() : "";
            switch (key) {
                case "pool" -> pool = whole(key, value, 1);
                case "cores" -> cores = whole(key, value, 1);
                case "service" -> {
                    try {
                        service = DurationText.parse(value, List.of("us", "ms", "s"))
                                        .toNanos()
                                / 1e6;
                    } catch (BadInputException e) {
                        throw new BadInputException("--predict's service " + e.getMessage());
                    }
                    if (!(service > 0)) {
                        throw new BadInputException("--predict's service must be above 0, got '" + value + "'");
                    }
                }
                case "stub" ->
                    stubShares = switch (value) {
                        case "apart" -> false;
                        case "shared" -> true;
                        default ->
                            throw new BadInputException("--predict's stub is apart or shared, got '" + value + "'");
                    };
                default ->
                    throw new BadInputException(
                            "--predict takes pool=N, cores=K, service=DURATION, stub=apart|shared; got '" + part + "'");
            }
        }
        return new Capacity.Change(pool, cores, service, stubShares);
    }

    private static int whole(String key, String value, int least) {
        try {
            int n = Integer.parseInt(value);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadInputException(
                "--predict's " + key + " must be a whole number of at least " + least + ", got '" + value + "'");
    }
}
