package org.civatlas.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GDAL's command-line tools as a desktop-GIS client in tests.
 *
 * <p>Two installations matter: the host's {@code gdal-bin} (Debian bookworm: GDAL 3.6, whose OAPIF driver reads
 * only CRS84) and a GDAL whose OAPIF driver speaks OGC API - Features Part 2 (GDAL ≥ 3.7). Where the host's is too
 * old, {@code .ci/gdal-root} builds Debian trixie's {@code gdal-bin} into a debootstrap folder and
 * {@code CIVATLAS_GDAL_ROOT} names it; the tools then run there under {@code chroot} (same network, so
 * {@code localhost} is the test server).
 */
public final class Gdal {

    /** Set to the debootstrap folder holding a GDAL ≥ 3.7 (CI sets it). */
    public static final String ROOT_VARIABLE = "CIVATLAS_GDAL_ROOT";

    private static final Pattern VERSION = Pattern.compile("GDAL (\\d+)\\.(\\d+)");

    private final List<String> prefix;

    private Gdal(List<String> prefix) {
        this.prefix = prefix;
    }

    /** The host's GDAL, if {@code ogrinfo} is on the PATH. */
    public static Optional<Gdal> host() {
        return onPath("ogrinfo") ? Optional.of(new Gdal(List.of())) : Optional.empty();
    }

    /**
     * A GDAL whose OAPIF driver supports Part 2 (the {@code CRS} open option): the host's if new enough, else the
     * one in {@code CIVATLAS_GDAL_ROOT}.
     */
    public static Optional<Gdal> withOgcApiCrsSupport() {
        Optional<Gdal> host = host().filter(Gdal::readsOgcApiCrs);
        if (host.isPresent()) {
            return host;
        }
        String root = System.getenv(ROOT_VARIABLE);
        if (root != null && !root.isBlank() && new File(root, "usr/bin/ogrinfo").canExecute()) {
            return Optional.of(new Gdal(List.of("chroot", root))).filter(Gdal::readsOgcApiCrs);
        }
        return Optional.empty();
    }

    /** Runs a GDAL tool ({@code ogrinfo}, {@code gdaltransform}, …) and returns what it printed (both streams). */
    public String run(String stdin, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", full) + " did not finish");
        }
        return output;
    }

    /** "GDAL 3.10.3, released …" → the version's major and minor, e.g. [3, 10]. */
    public int[] version() {
        try {
            Matcher m = VERSION.matcher(run(null, "ogrinfo", "--version"));
            return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[] {0, 0};
        } catch (IOException e) {
            return new int[] {0, 0};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new int[] {0, 0};
        }
    }

    /** GDAL 3.7 added Part 2 to the OAPIF driver. */
    private boolean readsOgcApiCrs() {
        int[] v = version();
        return v[0] > 3 || (v[0] == 3 && v[1] >= 7);
    }

    @Override
    public String toString() {
        int[] v = version();
        return (prefix.isEmpty() ? "host GDAL " : String.join(" ", prefix) + " GDAL ") + v[0] + "." + v[1];
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
