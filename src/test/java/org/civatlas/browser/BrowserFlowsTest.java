package org.civatlas.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.civatlas.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * End-to-end flows in a real browser (headless Debian Chromium driven by Selenium): the map page
 * loads its data, layers toggle, place search zooms to a name, a planner reads coverage, a name
 * officer files an application, a boundary officer logs a dispute by drawing it (and anonymous
 * users see nothing of it).
 * <p>
 * Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code chromium}
 * and {@code chromium-driver}); without them the class is skipped, unless
 * {@code CIVATLAS_REQUIRE_BROWSER=true} (CI), where it fails. Selenium Manager is never used.
 * Every test leaves a screenshot in {@code target/browser-screenshots/<test>.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:civatlas-browser;DB_CLOSE_DELAY=-1",
        "civatlas.security.demo-users=true"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserFlowsTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Villages and communities in the demo dataset. */
    private static final int VILLAGES = 251;
    private static final String SHULE = "疏勒县";

    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profileDir;

    @LocalServerPort
    int port;

    private WebDriverWait wait;

    // ------------------------------------------------------------------------------------------
    // browser lifecycle

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String msg = "browser tests SKIPPED: install Debian chromium and chromium-driver"
                    + " (missing " + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM) + ")";
            if ("true".equalsIgnoreCase(System.getenv("CIVATLAS_REQUIRE_BROWSER"))) {
                fail(msg + " — but CIVATLAS_REQUIRE_BROWSER=true");
            }
            System.err.println(msg);
            assumeTrue(false, msg);
        }
        // Never let Selenium Manager look for (or download) a driver.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profileDir = Files.createTempDirectory("civatlas-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,900", "--user-data-dir=" + profileDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (service != null) {
            service.stop();
            service = null;
        }
        if (profileDir != null) {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshSession() {
        wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
        // The layer control and the panels re-render: an element found a moment ago may be gone; look again.
        wait.ignoring(StaleElementReferenceException.class);
        driver.get("about:blank");
        // All cookies of all origins (session, XSRF-TOKEN): every test starts logged out.
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier tests logged
    }

    @AfterEach
    void screenshot(TestInfo info) throws IOException {
        String name = info.getTestMethod().map(m -> m.getName()).orElse(info.getDisplayName());
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    // ------------------------------------------------------------------------------------------
    // tests

    @Test
    @Order(1)
    void pageLoadsWithDataAndNoConsoleErrors() {
        openMap();
        assertThat(overlayLabel("Villages").getText()).contains(String.valueOf(VILLAGES));
        assertThat(overlayLabel("Townships").findElement(By.cssSelector(".count")).getText()).isEqualTo("16");
        assertThat(overlayLabel("Counties").findElement(By.cssSelector(".count")).getText()).isEqualTo("12");
        assertThat(pathCount()).isGreaterThan(VILLAGES);
        assertThat(driver.getTitle()).contains("疏勒县");
        assertThat(driver.findElement(By.cssSelector("#user a.header-button")).getText()).contains("Log in");
        // No error messages over the map, nothing severe in the console.
        assertNoErrorMessages();
        assertThat(severeConsoleEntries()).isEmpty();
    }

    @Test
    @Order(2)
    void villagesLayerTogglesInTheLayerControl() {
        openMap();
        int before = pathCount();
        WebElement box = overlayLabel("Villages").findElement(By.cssSelector("input[type=checkbox]"));
        assertThat(box.isSelected()).isTrue();

        box.click();
        wait.until(d -> pathCount() <= before - VILLAGES + 5);
        int without = pathCount();
        assertThat(before - without).isBetween(VILLAGES - 5, VILLAGES + 5);
        assertThat(overlayLabel("Villages").findElement(By.cssSelector("input")).isSelected()).isFalse();

        overlayLabel("Villages").findElement(By.cssSelector("input")).click();
        wait.until(d -> pathCount() == before);
        assertThat(overlayLabel("Villages").findElement(By.cssSelector("input")).isSelected()).isTrue();
    }

    @Test
    @Order(3)
    void searchFindsANameAndZoomsToIt() {
        openMap();
        WebElement box = driver.findElement(By.id("place-search-input"));

        // Pinyin initials
        box.sendKeys("slx", Keys.ENTER);
        assertThat(firstResultName()).isEqualTo(SHULE);

        // Chinese characters (the new search replaces the list)
        WebElement previous = firstResult();
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        box.sendKeys("疏勒", Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(previous));
        assertThat(firstResultName()).isEqualTo(SHULE);

        String scaleBefore = scaleText();
        assertThat(hasClass(driver.findElement(By.id("map")), "hide-label-placenames"))
                .as("place-name labels hidden at the county view").isTrue();

        firstResult().click();

        // A popup with the name opens and the map zooms in (scale bar shorter, place-name labels shown).
        WebElement popup = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".leaflet-popup .place-popup h3")));
        assertThat(popup.getText()).contains(SHULE);
        wait.until(d -> !hasClass(d.findElement(By.id("map")), "hide-label-placenames"));
        wait.until(d -> !scaleText().equals(scaleBefore));
        assertThat(scaleMetres(scaleText())).isLessThan(scaleMetres(scaleBefore));
        assertThat(driver.findElement(By.id("place-search-list")).isDisplayed()).isFalse();
    }

    @Test
    @Order(4)
    void plannerSeesCoverage() {
        login("planner", "planner");
        openMap();
        assertThat(driver.findElements(By.cssSelector("#user .role"))).extracting(WebElement::getText)
                .contains("PLANNER");

        click(By.cssSelector("button.planning-toggle"));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".cov-card[data-target=T2]")));
        WebElement share = card.findElement(By.cssSelector("[data-field=share]"));
        wait.until(d -> percentOf(share.getText()) != null);
        double t2 = percentOf(share.getText());
        assertThat(t2).isLessThan(90.0).isGreaterThan(0.0);
        assertThat(card.getText()).contains("T2").contains("Rural villages");
        assertThat(card.findElement(By.cssSelector(".met-mark")).getText()).contains("not met");
        assertThat(hasClass(card, "behind")).isTrue();

        click(By.cssSelector(".panel-tab[data-tab=coverage]"));
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".panel-section[data-tab=coverage] .uncovered-list")));
        List<WebElement> uncovered = list.findElements(By.cssSelector("li"));
        assertThat(uncovered).isNotEmpty();
        assertThat(uncovered.get(0).findElement(By.cssSelector("button")).getText()).isNotBlank();
        WebElement section = driver.findElement(By.cssSelector(".panel-section[data-tab=coverage]"));
        assertThat(section.getText()).contains("未覆盖村 Uncovered villages (" + uncovered.size() + ")");
        // The coverage tab's default (rural villages, containment, current) is the T2 figure.
        assertThat(percentOf(section.findElement(By.cssSelector(".coverage-result [data-field=share]")).getText()))
                .isEqualTo(t2);
        // Uncovered villages are hatched on the map.
        assertThat(driver.findElements(By.cssSelector(".leaflet-highlight-pane path"))).hasSizeGreaterThanOrEqualTo(
                uncovered.size());
        assertNoErrorMessages();
    }

    @Test
    @Order(5)
    void nameOfficerFilesAnApplication() {
        login("names", "names");
        openMap();

        click(By.cssSelector("button.group-toggle[data-group=places]"));
        click(By.cssSelector(".panel-tab[data-tab=naming]"));
        click(By.cssSelector("[data-action=new-application]"));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.naming-form")));

        new Select(form.findElement(By.name("kind"))).selectByValue("NAMING");
        new Select(form.findElement(By.name("category"))).selectByValue("VILLAGERS_COMMITTEE");
        form.findElement(By.name("unitCode")).sendKeys("653122200000");
        wait.until(d -> form.findElement(By.cssSelector(".unit-name")).getText().equals("巴仁乡"));
        form.findElement(By.name("proposedName")).sendKeys("测试新村");
        form.findElement(By.name("scheme")).sendKeys("在巴仁乡新设村民委员会 New villagers' committee in Baren");
        form.findElement(By.name("reasons")).sendKeys("人口增长，便于管理 Population growth");

        // The live check proposes a Roman spelling.
        WebElement proposal = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form.naming-form .check-box .proposal .roman")));
        wait.until(d -> !proposal.getText().isBlank() && !proposal.getText().equals("—"));
        String roman = proposal.getText();
        assertThat(roman.toLowerCase()).contains("xin");

        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".naming-view .case-title")));
        assertThat(title.getText()).contains("测试新村").contains("已申请").contains("Applied").contains(roman);
        WebElement view = driver.findElement(By.cssSelector(".naming-view"));
        assertThat(view.getText()).contains("巴仁乡").contains("Population growth").contains("names");
        assertThat(driver.findElements(By.cssSelector(".naming-view .problem:not([hidden])"))).isEmpty();
        scrollIntoView(title);

        // the officer's search lists the open proposal too (by pinyin here), and picking it opens the case
        WebElement box = driver.findElement(By.id("place-search-input"));
        box.sendKeys("ceshixincun", Keys.ENTER);
        WebElement pending = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".search-item.proposal")));
        assertThat(pending.getText()).contains("测试新村").contains("申请中");
        pending.click();
        wait.until(d -> d.findElement(By.cssSelector(".naming-view .case-title")).getText().contains("测试新村"));
        assertNoErrorMessages();
    }

    @Test
    @Order(6)
    void boundaryOfficerLogsADisputeByDrawing() {
        login("boundary", "boundary");
        openMap();

        click(By.cssSelector("button.group-toggle[data-group=boundaries]"));
        click(By.cssSelector(".panel-tab[data-tab=disputes]"));
        click(By.cssSelector("[data-action=new-dispute]"));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-form=dispute]")));

        String title = "浏览器测试争议 Browser-test dispute";
        form.findElement(By.name("title")).sendKeys(title);
        new Select(form.findElement(By.name("partyA"))).selectByValue("653122000000");
        new Select(form.findElement(By.name("partyB"))).selectByValue("653123000000");
        form.findElement(By.name("description")).sendKeys("两县对牧场归属有争议 Pasture claimed by both counties");

        // Facility markers lie above Leaflet.draw's click catcher: hide them while drawing.
        overlayLabel("Facilities").findElement(By.cssSelector("input")).click();
        wait.until(d -> d.findElements(By.cssSelector(".leaflet-facilities-pane path")).isEmpty());
        WebElement map = driver.findElement(By.id("map"));
        // Location: a polygon, closed by clicking its first point again.
        form.findElement(By.cssSelector("[data-action=draw-area]")).click();
        drawClicks(map, new int[][] {{-160, -90}, {-40, -110}, {-20, 10}, {-150, 30}, {-160, -90}});
        wait.until(d -> form.getText().contains("已画范围 area drawn"));

        // Claim of party A: a polyline, finished by clicking its last point again.
        assertThat(new Select(form.findElement(By.name("lineKind"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CLAIM_A");
        form.findElement(By.cssSelector("[data-action=draw-line]")).click();
        drawClicks(map, new int[][] {{-180, -40}, {-100, -20}, {0, -50}, {0, -50}});
        wait.until(d -> form.findElements(By.cssSelector("ul.drawn-lines li")).size() == 1);

        // Claim of party B (the form moves on to it).
        assertThat(new Select(form.findElement(By.name("lineKind"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("CLAIM_B");
        form.findElement(By.cssSelector("[data-action=draw-line]")).click();
        drawClicks(map, new int[][] {{-180, -60}, {-90, 0}, {10, -20}, {10, -20}});
        wait.until(d -> form.findElements(By.cssSelector("ul.drawn-lines li")).size() == 2);
        assertThat(form.findElement(By.cssSelector("ul.drawn-lines")).getText())
                .contains("甲方主张线").contains("乙方主张线").contains("3 点 pts");

        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".panel-section[data-tab=disputes] .case-title")));
        assertThat(heading.getText()).contains(title);
        assertThat(heading.findElement(By.cssSelector(".status-pill")).getText()).contains("Reported");
        WebElement section = driver.findElement(By.cssSelector(".panel-section[data-tab=disputes]"));
        assertThat(section.getText()).contains("疏勒县").contains("英吉沙县").contains("争议线 Lines (2)");
        assertThat(section.findElements(By.cssSelector("ul.drawn-lines li"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("甲方主张线"))
                .anySatisfy(t -> assertThat(t).contains("乙方主张线"));
        assertThat(section.findElements(By.cssSelector(".problem:not([hidden])"))).isEmpty();

        // The disputes layer is on the map and in the layer control and legend.
        wait.until(d -> overlayLabelOrNull("Boundary disputes") != null
                && overlayLabelOrNull("Boundary disputes").getText().contains("1"));
        assertThat(overlayLabel("Boundary disputes").findElement(By.cssSelector("input")).isSelected()).isTrue();
        assertThat(driver.findElements(By.cssSelector(".leaflet-disputes-pane path"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(legendText()).contains("Disputes");
        assertNoErrorMessages();
        screenshotNow("boundaryOfficerLogsADisputeByDrawing-officer");

        // Log out: anonymous users see no dispute layer, legend entry or tab, and the OGC collection is hidden.
        click(By.cssSelector("#user form.logout-form button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#user a.header-button")));
        waitForMapData();
        assertThat(overlayLabelOrNull("Boundary disputes")).isNull();
        assertThat(overlayLabelOrNull("Boundary lines")).isNotNull(); // the boundaries part did load
        assertThat(legendText()).doesNotContain("Disputes").contains("Boundaries");
        assertThat(driver.findElements(By.cssSelector(".leaflet-disputes-pane path"))).isEmpty();
        click(By.cssSelector("button.group-toggle[data-group=boundaries]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".panel-section[data-tab=blines]")));
        assertThat(driver.findElements(By.cssSelector(".panel-tab[data-tab=disputes]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".panel-tab[data-tab=blines]"))).hasSize(1);
        assertThat(httpStatus("ogc/collections/boundary-disputes/items")).isEqualTo(404);
        // That intentional 404 is the kind of entry test 1 asserts is absent: the console is really read.
        assertThat(severeConsoleEntries()).anySatisfy(m -> assertThat(m).contains("boundary-disputes").contains("404"));
        assertThat(httpStatus("ogc/collections/boundary-lines/items?limit=1")).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------
    // helpers

    private String base() {
        return "http://localhost:" + port + "/";
    }

    @Test
    @Order(7)
    void plannerImportsFacilitiesThroughTheWizard() throws IOException {
        // a point in the county seat's community, and a polygon (refused); the name is text, never markup
        String point = "{\"type\":\"Feature\",\"properties\":{\"编号\":\"BR-1\",\"名称\":\"<b>浏览器导入</b>日间照料\","
                + "\"类型\":\"综合日间照料中心\",\"状态\":\"规划\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                + "[76.3597,39.1666]}}";
        String polygon = "{\"type\":\"Feature\",\"properties\":{\"编号\":\"BR-2\",\"名称\":\"面\",\"类型\":"
                + "\"DAY_CARE_CENTRE\",\"状态\":\"规划\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[76,39.3],[76.01,39.3],[76.01,39.31],[76,39.3]]]}}";
        Path bad = Files.createTempFile("facilities-bad-", ".geojson");
        Path good = Files.createTempFile("facilities-", ".geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":[" + point + "," + polygon + "]}");
        Files.writeString(good, "{\"type\":\"FeatureCollection\",\"features\":[" + point + "]}");
        try {
            login("planner", "planner");
            openMap();
            click(By.cssSelector("button.group-toggle[data-group=data]"));
            click(By.cssSelector(".panel-tab[data-tab=import]"));
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.import-upload")));
            Select layer = new Select(form.findElement(By.name("layer")));
            // a planner may import facilities only
            assertThat(layer.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("facilities");
            form.findElement(By.name("file")).sendKeys(bad.toString());
            click(By.cssSelector("[data-action=upload]"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".import-preview [data-field=problemCount]"), "1"));
            List<WebElement> problems = driver.findElements(By.cssSelector(".import-problems tbody tr"));
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).getText()).contains("1").contains("Wrong type");
            // the extent and the one point (the polygon is no point: listed, not drawn)
            assertThat(driver.findElements(By.cssSelector(".leaflet-imports-pane path.import-point.import-create")))
                    .hasSize(1);
            assertThat(driver.findElements(By.xpath("//b[contains(., '浏览器导入')]"))).isEmpty();
            click(By.cssSelector("[data-action=commit]"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".import-commit .problem"), "422"));

            click(By.cssSelector("[data-action=back]"));
            form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.import-upload")));
            form.findElement(By.name("file")).sendKeys(good.toString());
            click(By.cssSelector("[data-action=upload]"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".import-preview [data-field=creates]"), "1"));
            assertThat(new Select(driver.findElement(By.cssSelector("select[data-mapping=name]")))
                    .getFirstSelectedOption().getText()).isEqualTo("名称");
            click(By.cssSelector("[data-action=commit]"));
            WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-result=ok]")));
            assertThat(result.findElement(By.cssSelector("[data-field=created]")).getText()).isEqualTo("1");
            wait.until(d -> overlayText("Facilities").contains("397"));
            assertThat(driver.findElements(By.xpath("//b[contains(., '浏览器导入')]"))).isEmpty();
            assertNoErrorMessages();
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }

    @Test
    @Order(8)
    void aNameOfficerIsNotOfferedTheFacilitiesLayer() {
        login("names", "names");
        openMap();
        click(By.cssSelector("button.group-toggle[data-group=data]"));
        click(By.cssSelector(".panel-tab[data-tab=import]"));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.import-upload")));
        assertThat(new Select(form.findElement(By.name("layer"))).getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("counties", "townships", "villages");
    }

    @Test
    @Order(9)
    void aFacilityChangedMeanwhileKeepsWhatThePlannerTypedAndSavesAfterAReload() {
        Http http = new Http(port);
        JsonNode facility = null;
        for (JsonNode f : http.get("/api/facilities", "admin", "admin").json()) {
            if ("OPERATING".equals(f.get("status").asString())) {
                facility = f;
                break;
            }
        }
        assertThat(facility).as("an operating demo facility").isNotNull();
        long id = facility.get("id").asLong();
        String theirName = "他人修改的名称 " + id;
        String myName = "规划员填写的名称 " + id;

        login("planner", "planner");
        openMap();
        // open the facility's popup (its marker) and the form from there
        WebElement marker = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("path.facility-marker.facility-" + id)));
        driver.executeScript("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true,"
                + " view: window}));", marker);
        // the popup may still be panning into view: press its button itself
        WebElement edit = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".facility-popup [data-action=edit-facility]")));
        driver.executeScript("arguments[0].click();", edit);
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.facility-form")));
        WebElement name = form.findElement(By.name("name"));
        wait.until(d -> !name.getAttribute("value").isEmpty());
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        name.sendKeys(myName);

        // someone else saves the same facility through the API meanwhile
        ObjectNode theirs = (ObjectNode) http.get("/api/facilities/" + id, "admin", "admin").json();
        long loadedVersion = theirs.get("version").asLong();
        theirs.retain(List.of("name", "type", "operator", "status", "plannedOn", "constructionStartedOn", "openedOn",
                "closedOn", "beds", "nursingBeds", "floorAreaM2", "staff", "lon", "lat", "version"));
        theirs.put("name", theirName);
        theirs.put("staff", 42);
        Http.Response saved = http.put("/api/facilities/" + id, theirs.toString(), "admin", "admin");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        long newVersion = http.get("/api/facilities/" + id, "admin", "admin").json().get("version").asLong();
        assertThat(newVersion).isGreaterThan(loadedVersion);

        // the planner saves: 409, the typed name stays, and a reload is offered
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form.facility-form .problem")));
        wait.until(d -> problem.getText().contains("409"));
        assertThat(problem.getText()).contains("已被他人修改").contains("Edited by someone else")
                .contains("重新加载该设施").contains("Reload this facility");
        assertThat(name.getAttribute("value")).isEqualTo(myName);
        screenshotNow("facilityConflict-1-refused");

        click(By.cssSelector("form.facility-form [data-action=reload-facility]"));
        WebElement reloaded = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form.facility-form [data-field=new-version]")));
        assertThat(reloaded.getText()).contains(loadedVersion + " → " + newVersion);
        assertThat(form.findElement(By.cssSelector("tr[data-changed=name]")).getText()).contains(theirName);
        assertThat(form.findElement(By.cssSelector("tr[data-changed=staff]")).getText()).contains("42");
        assertThat(name.getAttribute("value")).as("the typed name survives the reload").isEqualTo(myName);
        assertThat(driver.findElements(By.cssSelector("form.facility-form .problem:not([hidden])"))).isEmpty();
        scrollIntoView(reloaded);
        screenshotNow("facilityConflict-2-reloaded");

        // saving again applies the planner's values on the new version
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".editor-box .notice.ok"),
                "已保存 Saved: " + myName));
        JsonNode now = http.get("/api/facilities/" + id, "admin", "admin").json();
        assertThat(now.get("name").asString()).isEqualTo(myName);
        assertThat(now.get("version").asLong()).isGreaterThan(newVersion);
        assertNoErrorMessages();
    }

    @Test
    @Order(14)
    void aPlaceChangedMeanwhileKeepsWhatTheOfficerTypedAndSavesAfterAReload() {
        login("names", "names");
        openMap();
        driver.findElement(By.id("place-search-input")).sendKeys("疏勒", Keys.ENTER);
        assertThat(firstResultName()).isEqualTo(SHULE);
        firstResult().click();
        // the map is still flying to the place: press the popup's button itself, not a point on the screen
        WebElement details = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".leaflet-popup .place-popup [data-action=place-details]")));
        driver.executeScript("arguments[0].click();", details);
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.place-edit")));
        String id = driver.findElement(By.cssSelector(".place-page table.kv code")).getText().trim();
        String mine = "名称官员填写的含义 " + id;
        String theirs = "他人保存的含义 " + id;
        WebElement meaning = form.findElement(By.name("meaning"));
        meaning.clear();
        meaning.sendKeys(mine);

        Http http = new Http(port);
        long version = http.get("/api/places/" + id, "admin", "admin").json().path("place").path("version").asLong();
        Http.Response saved = http.put("/api/places/" + id, "{\"version\":" + version + ",\"meaning\":\"" + theirs + "\"}",
                "admin", "admin");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.place-edit .problem"), "409"));
        assertThat(meaning.getAttribute("value")).isEqualTo(mine);
        click(By.cssSelector("form.place-edit [data-action=reload-place]"));
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form.place-edit [data-role=reloaded]")));
        assertThat(note.getText()).contains(version + " → " + (version + 1)).contains("含义 Meaning");
        WebElement again = driver.findElement(By.cssSelector("form.place-edit"));
        assertThat(again.findElement(By.name("meaning")).getAttribute("value")).isEqualTo(mine);
        assertThat(driver.findElement(By.cssSelector(".place-page")).getText()).contains(theirs); // the record shows theirs
        scrollIntoView(note);
        screenshotNow("placeConflict-reloaded");
        again.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("form.place-edit [data-role=saved]"), "已保存"));
        assertThat(http.get("/api/places/" + id, "admin", "admin").json().path("place").path("meaning").asString())
                .isEqualTo(mine);
    }

    @Test
    @Order(10)
    void aLockedUserNameIsToldOnTheLoginPageNotShownRawJson() {
        String user = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        driver.get(base() + "login.html");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        WebElement message = driver.findElement(By.id("message"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            submitLogin(form, user, "wrong-" + attempt);
            wait.until(d -> message.isDisplayed() && form.findElement(By.cssSelector("button[type=submit]")).isEnabled());
            assertThat(message.getText()).as("attempt %d", attempt).contains("用户名或密码错误")
                    .contains("Wrong user name or password");
            assertThat(driver.getCurrentUrl()).endsWith("login.html");
        }
        screenshotNow("loginLockout-1-wrong-password");
        submitLogin(form, user, "wrong-6");
        wait.until(d -> message.isDisplayed() && message.getText().contains("429") || message.getText().contains("登录失败次数过多"));
        assertThat(message.getText()).contains("登录失败次数过多").contains("too many failed logins")
                .containsPattern("请 1[45] 分钟后再试");
        assertThat(driver.getCurrentUrl()).endsWith("login.html");
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("\"status\"");
        screenshotNow("loginLockout-2-locked");
        // a demo account is not affected
        login("planner", "planner");
    }

    @Test
    @Order(11)
    void aRepeatedImportCommitShowsTheFirstResultNotNothingStored() throws IOException {
        String point = "{\"type\":\"Feature\",\"properties\":{\"编号\":\"BR-409\",\"名称\":\"重复提交日间照料\","
                + "\"类型\":\"综合日间照料中心\",\"状态\":\"规划\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                + "[76.3601,39.1669]}}";
        Path file = Files.createTempFile("facilities-twice-", ".geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + point + "]}");
        try {
            login("planner", "planner");
            openMap();
            click(By.cssSelector("button.group-toggle[data-group=data]"));
            click(By.cssSelector(".panel-tab[data-tab=import]"));
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.import-upload")));
            form.findElement(By.name("file")).sendKeys(file.toString());
            click(By.cssSelector("[data-action=upload]"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector(".import-preview [data-field=creates]"), "1"));
            String id = driver.findElement(By.cssSelector(".import-preview")).getAttribute("data-import-id");
            assertThat(id).isNotBlank();
            // another submission (another tab of the same planner) commits it first
            Object other = driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "const token = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');"
                            + "fetch('api/imports/' + arguments[0] + '/commit', {method: 'POST', credentials: 'same-origin',"
                            + " headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': token}, body: '{}'})"
                            + ".then(r => done(r.status), e => done(String(e)));", id);
            assertThat(other).isEqualTo(200L);
            click(By.cssSelector("[data-action=commit]"));
            WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-result=already]")));
            assertThat(result.getText()).contains("已提交（由另一次提交完成）").contains("already committed (by another submission)")
                    .doesNotContain("nothing was stored");
            assertThat(result.findElement(By.cssSelector("[data-field=created]")).getText()).isEqualTo("1");
            assertThat(driver.findElements(By.cssSelector(".import-commit .problem:not([hidden])"))).isEmpty();
            screenshotNow("importCommittedByAnother");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(12)
    void aGetAnswered503IsRetriedOnceAfterRetryAfterAndASaveSaysNothingWasStored() {
        openMap();
        String detail = "数据库暂时无法连接，本次操作未保存任何内容，请 5 秒后重试 / the database is unavailable";
        // the next two answers of the server are 503 (as when the database is down), then it is back
        driver.executeScript("const original = window.fetch; let left = 2; window.__fetches = 0;"
                + "window.fetch = (url, options) => { window.__fetches++;"
                + "  if (left-- > 0) return Promise.resolve(new Response(JSON.stringify({title: 'Service Unavailable',"
                + "    status: 503, detail: arguments[0]}), {status: 503, headers: {'Content-Type':"
                + "    'application/problem+json', 'Retry-After': '2'}}));"
                + "  return original(url, options); };", detail);
        @SuppressWarnings("unchecked")
        Map<String, Object> get = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const started = Date.now();"
                        + "import('./js/core/api.js').then(api => api.getJson('api/facility-types'))"
                        + ".then(r => done({ok: Array.isArray(r), ms: Date.now() - started, fetches: window.__fetches}),"
                        + " e => done({error: String(e), fetches: window.__fetches}));");
        // first call 503, retried after 2 s: the second one is 503 again → the error is raised (only one retry)
        assertThat(get).containsEntry("fetches", 2L);
        assertThat(String.valueOf(get.get("error"))).contains("服务暂时不可用").contains(detail);
        // a single 503 is retried after Retry-After seconds, and while it waits the page says so
        driver.executeScript("const original = window.fetch; let left = 1;"
                + "window.fetch = (url, options) => { if (left-- > 0) return Promise.resolve(new Response("
                + " JSON.stringify({title: 'Service Unavailable', status: 503, detail: arguments[0]}), {status: 503,"
                + " headers: {'Content-Type': 'application/problem+json', 'Retry-After': '3'}}));"
                + " return original(url, options); };"
                + "const started = Date.now();"
                + "window.__retried = import('./js/core/api.js').then(api => api.getJson('api/facility-types'))"
                + ".then(r => ({ok: Array.isArray(r), ms: Date.now() - started}), e => ({error: String(e)}));", detail);
        WebElement waiting = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#status .status-warning")));
        assertThat(waiting.getText()).contains(detail).contains("3 秒后自动重试").contains("retrying in 3 s");
        screenshotNow("databaseUnavailable-retrying");
        @SuppressWarnings("unchecked")
        Map<String, Object> retried = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.__retried.then(done);");
        assertThat(retried).containsEntry("ok", true);
        assertThat(((Number) retried.get("ms")).longValue()).isGreaterThanOrEqualTo(2900L);
        assertThat(driver.findElements(By.cssSelector("#status .status-warning"))).isEmpty();
        // a write is never retried: one request, an error that says so
        @SuppressWarnings("unchecked")
        Map<String, Object> put = (Map<String, Object>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const original = window.fetch; let calls = 0;"
                        + "window.fetch = (url, options) => { if (String(url).startsWith('api/facilities')) { calls++;"
                        + " return Promise.resolve(new Response(JSON.stringify({title: 'Service Unavailable', status: 503,"
                        + " detail: arguments[0]}), {status: 503, headers: {'Content-Type': 'application/problem+json',"
                        + " 'Retry-After': '5'}})); } return original(url, options); };"
                        + "import('./js/core/api.js').then(api => api.sendJson('PUT', 'api/facilities/1', {}))"
                        + ".then(() => done({calls}), e => done({calls, status: e.status, retryAfter: e.retryAfter,"
                        + " unavailable: e.unavailable, detail: e.detail, title: e.title}));", detail);
        assertThat(put).containsEntry("calls", 1L).containsEntry("status", 503L).containsEntry("retryAfter", 5L)
                .containsEntry("unavailable", true).containsEntry("detail", detail);
    }

    @Test
    @Order(13)
    void noContentSecurityPolicyViolationOnAnyPanel() {
        login("admin", "admin");
        openMap();
        // every group and every tab an admin has: planning, place names, boundaries, data exchange
        click(By.cssSelector("button.planning-toggle"));
        visitTab("dashboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cov-card")));
        for (String tab : List.of("coverage", "facilities", "planning")) {
            visitTab(tab);
        }
        for (String group : List.of("places", "boundaries", "data")) {
            click(By.cssSelector("button.group-toggle[data-group=" + group + "]"));
            wait.until(d -> !d.findElements(By.cssSelector(".panel-tab")).isEmpty());
            List<String> tabs = driver.findElements(By.cssSelector(".panel-tab")).stream()
                    .filter(WebElement::isDisplayed).map(t -> t.getAttribute("data-tab")).toList();
            assertThat(tabs).isNotEmpty();
            for (String tab : tabs) {
                visitTab(tab);
            }
        }
        // and the login page (a logged-in user may still open it)
        driver.get(base() + "login.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        List<String> console = consoleEntries();
        assertThat(console).as("console").noneSatisfy(m -> assertThat(m.toLowerCase())
                .containsAnyOf("content security policy", "content-security-policy", "refused to"));
        // the console is really read: an inline script injected on purpose is refused and reported
        driver.executeScript("const s = document.createElement('script'); s.textContent = 'window.__inline = 1;';"
                + " document.body.append(s);");
        assertThat(driver.executeScript("return window.__inline === undefined;")).isEqualTo(true);
        wait.until(d -> consoleEntries().stream().anyMatch(m -> m.contains("Content Security Policy")));
    }

    /** Log in through the login page; ends on the map page with the user shown in the header. */
    private void login(String user, String password) {
        driver.get(base() + "login.html");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        form.findElement(By.name("username")).sendKeys(user);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#user .user-name"), user));
    }

    /** Open the map page (unless already there) and wait until its data is drawn. */
    private void openMap() {
        if (!driver.getCurrentUrl().equals(base())) driver.get(base());
        waitForMapData();
    }

    private void waitForMapData() {
        wait.until(d -> {
            WebElement villages = overlayLabelOrNull("Villages");
            return villages != null && villages.getText().contains(String.valueOf(VILLAGES)) && pathCount() > VILLAGES
                    && d.findElements(By.cssSelector("#status .status-loading")).isEmpty()
                    // the last header buttons are added once planning, place names and boundaries are ready
                    && !d.findElements(By.cssSelector("button.group-toggle[data-group=boundaries]")).isEmpty()
                    && overlayLabelOrNull("Boundary markers") != null;
        });
    }

    private int pathCount() {
        return driver.findElements(By.cssSelector("path.leaflet-interactive")).size();
    }

    private WebElement overlayLabel(String text) {
        WebElement label = overlayLabelOrNull(text);
        assertThat(label).as("layer control entry '%s'", text).isNotNull();
        return label;
    }

    /** The entry's text, or "" while the control is being redrawn (for waits that poll it). */
    private String overlayText(String text) {
        try {
            WebElement label = overlayLabelOrNull(text);
            return label == null ? "" : label.getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    private WebElement overlayLabelOrNull(String text) {
        try {
            for (WebElement label : driver.findElements(By.cssSelector(".leaflet-control-layers-overlays label"))) {
                if (label.getText().contains(text)) return label;
            }
        } catch (StaleElementReferenceException e) {
            return null; // the control re-renders when an overlay is (re)added
        }
        return null;
    }

    /** No error message over the map (failed loads are reported there). */
    private void assertNoErrorMessages() {
        assertThat(driver.findElements(By.cssSelector("#status .status-error"))).extracting(WebElement::getText).isEmpty();
    }

    private void scrollIntoView(WebElement e) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", e);
    }

    private String legendText() {
        return (String) driver.executeScript("return document.querySelector('details.legend').textContent;");
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static boolean hasClass(WebElement e, String cls) {
        return List.of(e.getAttribute("class").split("\\s+")).contains(cls);
    }

    private boolean resultsHeadFor() {
        return !driver.findElements(By.cssSelector("#place-search-list .search-head")).isEmpty();
    }

    private List<String> resultNames() {
        return driver.findElements(By.cssSelector("#place-search-list .search-item.result .result-line strong"))
                .stream().map(WebElement::getText).toList();
    }

    private WebElement firstResult() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#place-search-list .search-item.result")));
    }

    private String firstResultName() {
        wait.until(d -> resultsHeadFor() && !resultNames().isEmpty());
        return firstResult().findElement(By.cssSelector(".result-line strong")).getText();
    }

    private String scaleText() {
        return driver.findElement(By.cssSelector(".leaflet-control-scale-line")).getText();
    }

    /** "5 km" / "300 m" → metres. */
    private static double scaleMetres(String text) {
        Matcher m = Pattern.compile("([\\d.]+)\\s*(km|m)").matcher(text);
        assertThat(m.find()).as("scale bar '%s'", text).isTrue();
        double v = Double.parseDouble(m.group(1));
        return m.group(2).equals("km") ? v * 1000 : v;
    }

    /** "85,3 %" / "85.3 %" → 85.3; null when not a percentage (yet). */
    private static Double percentOf(String text) {
        Matcher m = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*%").matcher(text);
        return m.find() ? Double.valueOf(m.group(1).replace(',', '.')) : null;
    }

    /**
     * Click points on the map for Leaflet.draw (offsets from the map's centre). Leaflet.draw ignores clicks
     * for 50 ms after a vertex; a click on the same spot as the one before (to finish a shape) waits out the
     * double-click interval, or the map would also zoom in.
     */
    private void drawClicks(WebElement map, int[][] offsets) {
        int[] last = null;
        for (int[] p : offsets) {
            boolean again = last != null && last[0] == p[0] && last[1] == p[1];
            new Actions(driver).pause(Duration.ofMillis(again ? 700 : 200))
                    .moveToElement(map, p[0], p[1] + 3).pause(Duration.ofMillis(50))
                    .moveToElement(map, p[0], p[1]).pause(Duration.ofMillis(50))
                    .click().perform();
            last = p;
        }
    }

    /** HTTP status of a GET from the page (same cookies as the user). */
    private long httpStatus(String path) {
        Object status = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(-1));",
                path);
        return ((Number) status).longValue();
    }

    /** Open a panel tab and let it load (a tab shows a loading state until its data is there). */
    private void visitTab(String tab) {
        click(By.cssSelector(".panel-tab[data-tab=" + tab + "]"));
        wait.until(d -> d.findElement(By.cssSelector(".panel-section[data-tab=" + tab + "]")).isDisplayed());
        wait.until(d -> d.findElements(By.cssSelector(".panel-section[data-tab=" + tab + "] .panel-state.loading"))
                .stream().noneMatch(WebElement::isDisplayed));
        screenshotNow("panel-" + tab);
    }

    private void submitLogin(WebElement form, String user, String password) {
        WebElement name = form.findElement(By.name("username"));
        name.clear();
        name.sendKeys(user);
        WebElement pass = form.findElement(By.name("password"));
        pass.clear();
        pass.sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Every console entry (any level) since the last read. */
    private List<String> consoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    private List<String> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private void screenshotNow(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
