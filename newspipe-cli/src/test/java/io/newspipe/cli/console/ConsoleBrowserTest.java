package io.newspipe.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.newspipe.console.testing.TestArticles;
import io.newspipe.devstack.junit.DevStackExtension;

/**
 * The console in headless Chromium (Debian's chromium + chromedriver, driven by Selenium) on the embedded stack with
 * the real services: sign in with the token, see the pipeline, open the article and see its people highlighted,
 * re-drive a dead letter, dry-run a replay and start it. Writes the screenshots in docs/ that the README shows.
 * Runs with -Pbrowser-tests (.ci/run does, once); without a browser it is skipped with the reason.
 */
@Tag("browser")
@ExtendWith(DevStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String CHROMIUM = System.getenv().getOrDefault("NEWSPIPE_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("NEWSPIPE_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static RunningConsole c;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start(@TempDir Path stateDir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver, or set NEWSPIPE_CHROMIUM / NEWSPIPE_CHROMEDRIVER)");
        c = new RunningConsole("con-web", stateDir);
        profile = Files.createTempDirectory("newspipe-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // as root in a container: no sandbox; nothing fetched from the network; a fresh profile every run
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER)
                .toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (c != null) {
            c.close();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void givenTheToken_whenSigningIn_thenThePipelinePageShowsEveryServiceUp() throws Exception {
        browser.get(c.url("/pipeline"));
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fpipeline");
        WebElement token = browser.findElement(By.id("token"));
        assertThat(browser.switchTo().activeElement()).as("the token field has the focus").isEqualTo(token);
        token.sendKeys(RunningConsole.TOKEN, Keys.ENTER);
        wait(d -> d.getCurrentUrl().endsWith("/pipeline"));

        // the sampler runs every second; the page reloads itself every 5 s
        wait(d -> d.findElements(By.cssSelector("tr[data-service] .badge.up")).size() == 3
                && !d.findElements(By.cssSelector("[data-component=broker] .badge.up")).isEmpty()
                && !d.findElements(By.cssSelector("h3[data-group]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("svg.rate-chart")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("h-lag")).getText()).isEqualTo("Consumer lag");
        screenshot("console-pipeline.png", 1366, 1300);
        // keyboard: on a fresh page the first Tab reaches the skip link
        browser.get(c.url("/pipeline"));
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
    }

    @Test
    @Order(2)
    void givenThePublishedArticle_whenOpened_thenThePeopleAreHighlightedWithTheirRoles() throws Exception {
        browser.get(c.url("/articles"));
        browser.findElement(By.linkText(TestArticles.TITLE)).click();
        wait(d -> d.getCurrentUrl().contains("/articles/" + c.articleId));

        List<WebElement> people = browser.findElements(By.cssSelector(".article-text mark[data-kind=person]"));
        assertThat(people).extracting(WebElement::getText)
                .contains(TestArticles.PERSON_CHAIR, TestArticles.PERSON_REPORTER);
        WebElement chair = people.stream().filter(p -> p.getText().equals(TestArticles.PERSON_CHAIR)).findFirst()
                .orElseThrow();
        assertThat(chair.isDisplayed()).isTrue();
        assertThat(chair.getCssValue("background-color")).as("highlighted").isNotIn("rgba(0, 0, 0, 0)", "transparent");
        assertThat(chair.getAttribute("title")).startsWith("person: " + TestArticles.PERSON_CHAIR + "; role: ");
        assertThat(browser.findElements(By.cssSelector(".article-text mark[data-kind=kpi]"))).isNotEmpty();
        new Actions(browser).moveToElement(chair).click().perform();
        assertThat(browser.findElement(By.id("mention-detail")).getText()).isEqualTo(chair.getAttribute("title"));
        screenshot("console-article.png", 1366, 1500);
    }

    @Test
    @Order(3)
    void givenTheDeadLetter_whenSelectedAndReDriven_thenTheRunSaysItWasSentBack() {
        browser.get(c.url("/dead-letters"));
        WebElement box = browser.findElement(By.cssSelector("input[name=id][value='" + RunningConsole.BROKEN_KEY
                + "']"));
        box.click();
        assertThat(box.isSelected()).isTrue();
        browser.findElement(By.cssSelector("button[value=start]")).click();

        wait(d -> "DONE".equals(d.findElement(By.id("run-state")).getText()));
        assertThat(browser.findElement(By.id("run-output")).getText()).contains("Re-drove 1 of");
    }

    @Test
    @Order(4)
    void givenAnArticleId_whenADryRunReplayIsStarted_thenTheCountIsShownAndTheReplayCanBeStarted() {
        browser.get(c.url("/replay"));
        browser.findElement(By.id("ids")).sendKeys(c.articleId);
        browser.findElement(By.cssSelector("button[value=dry-run]")).click();

        wait(d -> "DONE".equals(d.findElement(By.id("run-state")).getText()));
        assertThat(browser.findElement(By.id("run-output")).getText()).startsWith("Dry run: would replay 1 article");
        browser.findElement(By.xpath("//button[text()='Start this replay']")).click();

        wait(d -> "DONE".equals(d.findElement(By.id("run-state")).getText()));
        assertThat(browser.findElement(By.id("run-output")).getText()).startsWith("Replayed 1 article");
    }

    /** Waits for the condition; on time-out says where the browser is and what it shows. */
    private static void wait(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            String page = browser.getPageSource();
            throw new AssertionError("timed out at " + browser.getCurrentUrl() + " showing: "
                    + page.substring(Math.max(0, page.indexOf("<main")), Math.min(page.length(),
                            Math.max(0, page.indexOf("<main")) + 3000)), e);
        }
    }

    /** A laptop-width screenshot into docs/ (-Dnewspipe.docs.dir), else target/. */
    private static void screenshot(String name, int width, int height) throws IOException {
        browser.manage().window().setSize(new Dimension(width, height));
        Path dir = Path.of(System.getProperty("newspipe.docs.dir", "target"));
        Files.createDirectories(dir);
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(dir.resolve(name), java.nio.file.attribute.PosixFilePermissions.fromString(
                "rw-r--r--"));
        browser.manage().window().setSize(new Dimension(1366, 900));
    }
}
