using DataOps.Tests.EndToEnd;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Functions.Operations.Dashboard;

/// <summary>One running app shared by the dashboard's HTTP tests, which only read from it.</summary>
public sealed class DashboardAppFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    private DataOpsApp? app;

    internal DataOpsApp App => app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>A client with no function key and no redirect following, as a browser's first request.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        app = await DataOpsApp.StartAsync(azurite);
        Anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Host.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
