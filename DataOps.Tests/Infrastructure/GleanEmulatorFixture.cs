using System.Net.Http.Json;
using System.Text.Json;
using DataOps.GleanEmulator;
using DataOps.GleanEmulator.Faults;
using DataOps.GleanEmulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Infrastructure;

/// <summary>
/// A private Glean emulator for one test (or one test class): the real app, started in-process on a free
/// loopback port and reached over real HTTP. Stopped and disposed with the fixture, even when a test fails.
/// </summary>
public sealed class GleanEmulatorFixture : IAsyncDisposable
{
    public const string IndexingToken = "local-indexing-token";
    public const string ClientToken = "local-client-token";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;

    private GleanEmulatorFixture(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A plain client for raw API and admin calls.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts an emulator; by default with Glean's rate limits off, so tests measure what they mean to.</summary>
    public static async Task<GleanEmulatorFixture> StartAsync(
        Action<GleanEmulatorOptions>? configure = null,
        TimeProvider? time = null)
    {
        var app = GleanEmulatorApp.Build(
            ["--urls", "http://127.0.0.1:0"],
            options =>
            {
                options.RateLimitsEnabled = false;
                options.MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning;
                configure?.Invoke(options);
            },
            services =>
            {
                if (time is not null)
                {
                    services.AddSingleton(time);
                }
            });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Urls.Single();
        return new GleanEmulatorFixture(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async Task SetFaultsAsync(FaultSettings faults)
    {
        using var response = await Http.PostAsJsonAsync("admin/faults", faults, Json, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Http.DeleteAsync(new Uri("admin/faults", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetHealthAsync(string datasource, bool healthy)
    {
        using var response = await Http.PostAsJsonAsync($"admin/datasources/{datasource}/health", new { healthy }, Json, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    internal async Task<AdminDatasourceView?> GetDatasourceAsync(string datasource)
    {
        using var response = await Http.GetAsync(new Uri($"admin/datasources/{datasource}", UriKind.Relative), TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<AdminDatasourceView>(Json, TestContext.Current.CancellationToken)
            : null;
    }

    internal async Task<AdminStateView> GetStateAsync() =>
        (await Http.GetFromJsonAsync<AdminStateView>("admin/state", Json, TestContext.Current.CancellationToken))!;

    internal async Task<IReadOnlyList<RequestLogEntry>> GetRequestsAsync(string? pathContains = null)
    {
        var all = await Http.GetFromJsonAsync<List<RequestLogEntry>>("admin/requests", Json, TestContext.Current.CancellationToken) ?? [];
        return pathContains is null ? all : all.Where(r => r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();
    }

    public async Task ClearRequestsAsync()
    {
        using var response = await Http.DeleteAsync(new Uri("admin/requests", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
