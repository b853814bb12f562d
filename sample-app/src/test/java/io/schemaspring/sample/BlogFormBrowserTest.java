package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import io.schemaspring.changeset.Changesets;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.sample.blog.Post;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTML form in a real headless Chromium (Debian's chromium and chromium-driver).
 * Outside CI it is skipped with a notice when no browser is installed; in CI
 * ({@code CI=true}) it must run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1")
class BlogFormBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    private int port;

    private WebDriver browser;

    private WebDriverWait page;

    @BeforeEach
    void openBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI requires Chromium at " + CHROMIUM + " and ChromeDriver at "
                        + CHROMEDRIVER + ": .ci/run installs the Debian packages chromium and chromium-driver");
            }
            System.out.println("[browser-test] NOTICE: no Chromium/ChromeDriver installed, skipping the browser test "
                    + "(apt-get install chromium chromium-driver to run it)");
            Assumptions.abort("Chromium is not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1024,1300",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        this.browser = new ChromeDriver(service, options);
        this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.page = new WebDriverWait(this.browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (this.browser != null) {
            this.browser.quit();
        }
    }

    @Test
    void formShowsFieldErrorsBesideTheInputsThenCreatesThePost() {
        this.browser.get("http://localhost:" + this.port + "/posts/new");
        assertThat(this.browser.getTitle()).isEqualTo("New post");

        this.browser.findElement(By.id("body")).sendKeys("A body, but no title.");
        submit();

        assertThat(this.page.until(ExpectedConditions.visibilityOfElementLocated(By.id("title-error"))).getText())
            .isEqualTo("can't be blank");
        assertThat(this.browser.findElements(By.id("body-error"))).isEmpty();
        assertThat(this.browser.findElement(By.id("body")).getAttribute("value")).isEqualTo("A body, but no title.");

        this.browser.findElement(By.id("title")).sendKeys("Written in a browser");
        this.browser.findElement(By.id("published")).click();
        submit();

        this.page.until(ExpectedConditions.urlMatches("/posts$"));
        assertThat(this.page.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#posts .title"))))
            .extracting(element -> element.getText())
            .contains("Written in a browser", "Hello, schemas");
    }

    @Test
    void postPagesShowTheirCommentsAndTakeNewOnesWithErrorsBesideTheField() throws Exception {
        this.browser.get("http://localhost:" + this.port + "/posts");
        assertThat(this.browser
            .findElement(By.xpath("//li[a[@class='title' and text()='Hello, schemas']]//span[@class='comment-count']"))
            .getText()).isEqualTo("1 comment");
        assertThat(this.browser.findElement(By.cssSelector("link[rel=stylesheet]")).getAttribute("href"))
            .endsWith("/blog.css");
        screenshot("posts");

        this.browser.findElement(By.linkText("Hello, schemas")).click();
        this.page.until(ExpectedConditions.urlMatches("/posts/\\d+$"));
        assertThat(this.browser.getTitle()).isEqualTo("Hello, schemas");
        assertThat(this.browser.findElement(By.id("post-author")).getText()).isEqualTo("José");
        assertThat(this.browser.findElements(By.cssSelector("#comments .comment-body")))
            .extracting(element -> element.getText())
            .containsExactly("Welcome!");
        assertThat(this.browser.findElements(By.cssSelector("#post .tag"))).extracting(element -> element.getText())
            .containsExactly("ecto", "spring");
        screenshot("post");

        submit("save-comment");
        assertThat(
                this.page.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-body-error"))).getText())
            .isEqualTo("can't be blank");
        screenshot("comment-error");

        this.browser.findElement(By.id("comment-body")).sendKeys("Typed in a browser");
        submit("save-comment");
        assertThat(this.page
            .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#comments .comment-body"))))
            .extracting(element -> element.getText())
            .containsExactly("Welcome!", "Typed in a browser");
        assertThat(this.browser.findElement(By.id("comment-count")).getText()).isEqualTo("2 comments");
        assertThat(this.browser.findElements(By.id("comment-body-error"))).isEmpty();
    }

    @Autowired
    private SchemaRepository<Post, Long> posts;

    @Autowired
    private Changesets changesets;

    @Test
    void aTenantsPagesShowItsPostsOnlyAndTakeCommentsInItsSchema() throws Exception {
        Long id = this.posts.withPrefix("acme")
            .insert(this.changesets.cast(new Post(),
                    Map.of("title", "Acme news", "body", "Only for Acme.", "userId", 1), "title", "body", "userId"))
            .getId();
        try {
            walkTheTenantsPages(id);
        }
        finally {
            // The context, and so the database, is shared with other tests that find acme
            // empty.
            this.posts.withPrefix("acme").delete(this.posts.withPrefix("acme").getOrThrow(id));
        }
    }

    private void walkTheTenantsPages(Long id) throws Exception {
        this.browser.get("http://localhost:" + this.port + "/tenants/acme/posts");
        assertThat(this.browser.findElement(By.cssSelector("header .brand")).getText()).isEqualTo("Blog of acme");
        assertThat(this.browser.findElements(By.cssSelector("#posts .title"))).extracting(element -> element.getText())
            .contains("Acme news")
            .doesNotContain("Hello, schemas");
        screenshot("tenant-posts");

        this.browser.findElement(By.linkText("Acme news")).click();
        this.page.until(ExpectedConditions.urlMatches("/tenants/acme/posts/" + id + "$"));
        this.browser.findElement(By.id("comment-body")).sendKeys("An Acme comment");
        submit("save-comment");
        assertThat(this.page
            .until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#comments .comment-body"))))
            .extracting(element -> element.getText())
            .containsExactly("An Acme comment");
        assertThat(this.browser.getCurrentUrl()).endsWith("/tenants/acme/posts/" + id);
        assertThat(this.posts.withPrefix("acme")
            .preload(this.posts.withPrefix("acme").getOrThrow(id), "comments")
            .getComments()).hasSize(1);

        this.browser.get("http://localhost:" + this.port + "/tenants/nope/posts");
        assertThat(this.browser.getPageSource()).contains("404");
    }

    @Test
    void aPublishedFlagThatIsNoBooleanIsShownBesideTheCheckbox() throws Exception {
        this.browser.get("http://localhost:" + this.port + "/posts/new");
        this.browser.findElement(By.id("title")).sendKeys("Maybe published");
        this.browser.findElement(By.id("body")).sendKeys("A body.");
        ((JavascriptExecutor) this.browser).executeScript("document.getElementById('published').value = 'maybe'");
        this.browser.findElement(By.id("published")).click();
        submit("save");

        assertThat(this.page.until(ExpectedConditions.visibilityOfElementLocated(By.id("published-error"))).getText())
            .isEqualTo("is invalid");
        assertThat(this.browser.findElements(By.id("title-error"))).isEmpty();
        screenshot("form-error");
    }

    /**
     * Saves what the browser shows under {@code target/screenshots}, for a look at the
     * pages.
     */
    private void screenshot(String name) throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        byte[] png = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
        Files.write(directory.resolve(name + ".png"), png);
    }

    /**
     * Clicks save and waits until the next page has loaded: a click returns before that
     * page is there, so looking for its elements at once races the load. The marker set
     * on the current window is gone once the browser shows a new document.
     */
    private void submit() {
        submit("save");
    }

    private void submit(String button) {
        JavascriptExecutor script = (JavascriptExecutor) this.browser;
        script.executeScript("window.leaving = true");
        this.browser.findElement(By.id(button)).click();
        this.page.ignoring(WebDriverException.class)
            .until((driver) -> (Boolean) script
                .executeScript("return window.leaving === undefined && document.readyState === 'complete'"));
    }

}
