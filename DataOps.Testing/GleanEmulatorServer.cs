using System.Net.Http.Json;
using System.Text.Json;
using DataOps.GleanEmulator;
using DataOps.GleanEmulator.Faults;
using DataOps.GleanEmulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataOps.Testing;

/// <summary>
/// The Glean emulator (the real app) started in this process on a free loopback port and reached over real HTTP, with
/// its admin API (faults, health, state, request log, reset) as methods. Stopped and disposed with this object.
/// </summary>
internal sealed class GleanEmulatorServer : IAsyncDisposable
{
    /// <summary>The emulator's well-known development indexing token.</summary>
    public const string IndexingToken = "local-indexing-token";

    /// <summary>The emulator's well-known development client token (user-scoped: it searches as <see cref="GleanEmulatorOptions.DefaultSearchUser"/>).</summary>
    public const string ClientToken = "local-client-token";

    /// <summary>The emulator's well-known development global client token (it searches as the user named in <c>X-Glean-ActAs</c>).</summary>
    public const string GlobalClientToken = "local-global-client-token";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;

    private GleanEmulatorServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A plain client for raw API and admin calls.</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Starts an emulator logging warnings and above; <paramref name="configure"/> changes its options and
    /// <paramref name="time"/>, when given, is its clock.
    /// </summary>
    public static async Task<GleanEmulatorServer> StartAsync(Action<GleanEmulatorOptions>? configure, TimeProvider? time, CancellationToken cancellationToken)
    {
        var app = GleanEmulatorApp.Build(
            ["--urls", "http://127.0.0.1:0"],
            options =>
            {
                options.MinimumLogLevel = LogLevel.Warning;
                configure?.Invoke(options);
            },
            services =>
            {
                if (time is not null)
                {
                    services.AddSingleton(time);
                }
            });
        await app.StartAsync(cancellationToken);
        var address = app.Urls.Single();
        return new GleanEmulatorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async Task SetFaultsAsync(FaultSettings faults, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync("admin/faults", faults, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.DeleteAsync(new Uri("admin/faults", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task SetHealthAsync(string datasource, bool healthy, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync($"admin/datasources/{datasource}/health", new { healthy }, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<AdminDatasourceView?> GetDatasourceAsync(string datasource, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(new Uri($"admin/datasources/{datasource}", UriKind.Relative), cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<AdminDatasourceView>(Json, cancellationToken)
            : null;
    }

    public async Task<AdminStateView> GetStateAsync(CancellationToken cancellationToken) =>
        (await Http.GetFromJsonAsync<AdminStateView>("admin/state", Json, cancellationToken))!;

    public async Task<IReadOnlyList<RequestLogEntry>> GetRequestsAsync(string? pathContains, CancellationToken cancellationToken)
    {
        var all = await Http.GetFromJsonAsync<List<RequestLogEntry>>("admin/requests", Json, cancellationToken) ?? [];
        return pathContains is null ? all : all.Where(r => r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();
    }

    public async Task ClearRequestsAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.DeleteAsync(new Uri("admin/requests", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Back to a fresh emulator: no datasource, no fault, an empty request log, full rate-limit buckets.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync(new Uri("admin/reset", UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
