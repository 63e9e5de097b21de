using DataOps.Tests.EndToEnd;
using DataOps.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DataOps.Tests.Functions.OpenApi;

/// <summary>
/// The documentation page in a real headless Chromium: Swagger UI starts from the served script under the page's
/// strict policy, loads /api/openapi.json and lists the operations, with no policy violation in the console.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OpenApiBrowserTests(AzuriteFixture azurite)
{
    private static string ChromiumPath => Environment.GetEnvironmentVariable("DATAOPS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task DocsPage_ListsTheOperations_WithoutPolicyViolations()
    {
        Assert.True(File.Exists(ChromiumPath), $"No Chromium at {ChromiumPath}: install Debian's chromium package or set DATAOPS_CHROMIUM.");
        await using var app = await DataOpsApp.StartAsync(azurite);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) && !message.Text.Contains("style", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/docs/").ToString());

        await Assertions.Expect(page.Locator(".opblock-summary-path[data-path='/datasets/provision']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".opblock")).Not.ToHaveCountAsync(0);
        Assert.Empty(violations);
    }
}
