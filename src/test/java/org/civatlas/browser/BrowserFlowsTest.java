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
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
            wait.until(d -> overlayLabel("Facilities").getText().contains("397"));
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
