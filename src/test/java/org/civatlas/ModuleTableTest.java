package org.civatlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * ARCHITECTURE.md's module table is written by hand; this test keeps it true. Every application module has a row,
 * every row named like a module is one, and the "depends on" column names exactly the modules the code depends on
 * (Spring Modulith's direct dependencies: types used, beans injected, events listened to). A dependency written
 * {@code module.iface} (e.g. {@code exchange.crs}) also says that only that named interface of the module is used.
 * Libraries in the column are free text and not checked. Fast: {@link ApplicationModules} is cached per JVM, so
 * beside {@link ModularityTest} it costs nothing more.
 */
class ModuleTableTest {

    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern MODULE_REF = Pattern.compile("([a-z]+)(?:\\.([a-z]+))?");

    @Test
    void theModuleTableInArchitectureMdNamesTheRealDependencies() throws IOException {
        List<String> drift = drift(Files.readString(architectureMd()));
        assertThat(drift).as("ARCHITECTURE.md's module table has drifted from the code:\n  "
                + String.join("\n  ", drift) + "\n").isEmpty();
    }

    @Test
    void theCheckCatchesAMissingDependencyAndARowThatIsNoModule() throws IOException {
        String doctored = Files.readString(architectureMd())
                .replace("| divisions, facilities, places, boundaries, coverage, exchange.crs, common, spatial |",
                        "| divisions, facilities, places, boundaries, exchange.formats, common, spatial |")
                .replace("| `site` |", "| `sites` |");
        assertThat(drift(doctored))
                .anySatisfy(d -> assertThat(d).startsWith("`layers` depends on").endsWith("add [coverage]"))
                .anySatisfy(d -> assertThat(d).contains("`exchange` has no named interface `formats`"))
                .anySatisfy(d -> assertThat(d).contains("row `sites` is not an application module"))
                .anySatisfy(d -> assertThat(d).contains("module `site` has no row"));
    }

    private static List<String> drift(String markdown) {
        ApplicationModules modules = ApplicationModules.of(CivatlasApplication.class);
        Map<String, List<String>> table = dependsOnColumn(markdown);
        Map<String, ApplicationModule> byName = new LinkedHashMap<>();
        modules.forEach(m -> byName.put(m.getIdentifier().toString(), m));

        List<String> drift = new ArrayList<>();
        for (String name : byName.keySet()) {
            if (!table.containsKey(name)) {
                drift.add("module `" + name + "` has no row in the table");
            }
        }
        for (var row : table.entrySet()) {
            String name = row.getKey();
            if (name.contains(".")) {
                // a package inside a module (internal, or a named interface): its row lists libraries only
                if (!byName.containsKey(name.substring(0, name.indexOf('.')))) {
                    drift.add("row `" + name + "` is inside no application module");
                }
                continue;
            }
            ApplicationModule module = byName.get(name);
            if (module == null) {
                drift.add("row `" + name + "` is not an application module (a sub-package is written `module.sub`)");
                continue;
            }
            Set<String> written = new TreeSet<>();
            for (String ref : row.getValue()) {
                Matcher m = MODULE_REF.matcher(ref);
                if (!m.matches() || !byName.containsKey(m.group(1))) {
                    continue; // a library, or "—"
                }
                written.add(m.group(1));
                if (m.group(2) != null) {
                    checkOnlyNamedInterfaceUsed(modules, module, byName.get(m.group(1)), m.group(2), drift);
                }
            }
            Set<String> actual = new TreeSet<>();
            module.getDirectDependencies(modules).uniqueModules()
                    .forEach(target -> actual.add(target.getIdentifier().toString()));
            if (!written.equals(actual)) {
                Set<String> missing = new TreeSet<>(actual);
                missing.removeAll(written);
                Set<String> extra = new TreeSet<>(written);
                extra.removeAll(actual);
                drift.add("`" + name + "` depends on " + actual + " in the code, the table says " + written
                        + (missing.isEmpty() ? "" : "; add " + missing)
                        + (extra.isEmpty() ? "" : "; remove " + extra));
            }
        }
        return drift;
    }

    private static void checkOnlyNamedInterfaceUsed(ApplicationModules modules, ApplicationModule source,
            ApplicationModule target, String iface, List<String> drift) {
        var named = target.getNamedInterfaces().getByName(iface);
        if (named.isEmpty()) {
            drift.add("`" + source.getIdentifier() + "` names `" + target.getIdentifier() + "." + iface
                    + "`, but `" + target.getIdentifier() + "` has no named interface `" + iface + "`");
            return;
        }
        source.getDirectDependencies(modules).stream()
                .filter(d -> d.getTargetModule().equals(target) && !named.get().contains(d.getTargetType()))
                .map(d -> d.getTargetType().getName()).distinct().sorted()
                .forEach(type -> drift.add("`" + source.getIdentifier() + "` uses " + type + ", outside `"
                        + target.getIdentifier() + "." + iface + "`: name `" + target.getIdentifier()
                        + "` in the table"));
    }

    /** Row name (the first `code` of the first cell) → the comma-separated items of the "depends on" cell. */
    static Map<String, List<String>> dependsOnColumn(String markdown) {
        int start = markdown.indexOf("\n## Modules");
        assertThat(start).as("ARCHITECTURE.md has a '## Modules' section").isNotNegative();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        int column = -1;
        for (String line : markdown.substring(start + 1).lines().skip(1).toList()) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (column >= 0 && !rows.isEmpty()) {
                    break; // the end of the table
                }
                continue;
            }
            List<String> cells = cells(line);
            if (column < 0) {
                column = cells.indexOf("depends on");
                assertThat(column).as("the module table has a 'depends on' column").isNotNegative();
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            Matcher name = FIRST_CODE.matcher(cells.get(0));
            if (name.find()) {
                List<String> items = new ArrayList<>();
                for (String item : cells.get(column).split(",")) {
                    items.add(item.strip().replace("`", ""));
                }
                rows.put(name.group(1), items);
            }
        }
        assertThat(rows).as("rows of the module table").isNotEmpty();
        return rows;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String c : inner.split("\\|", -1)) {
            cells.add(c.strip());
        }
        return cells;
    }

    private static Path architectureMd() {
        String root = System.getenv("CIVATLAS_REPO_ROOT");
        return Path.of(root == null ? "." : root, "ARCHITECTURE.md");
    }
}
