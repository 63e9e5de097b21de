using DataOps.GleanEmulator;
using DataOps.GleanEmulator.Faults;
using DataOps.GleanEmulator.State;
using DataOps.Testing;

namespace DataOps.Tests.Infrastructure;

/// <summary>
/// A private Glean emulator for one test (or one test class): a <see cref="GleanEmulatorServer"/> whose calls use the
/// running test's cancellation token. Stopped and disposed with the fixture, even when a test fails.
/// </summary>
public sealed class GleanEmulatorFixture : IAsyncDisposable
{
    public const string IndexingToken = GleanEmulatorServer.IndexingToken;
    public const string ClientToken = GleanEmulatorServer.ClientToken;

    /// <summary>The user <see cref="ClientToken"/> searches as (a user-scoped token).</summary>
    public const string SearchUser = GleanEmulatorOptions.DefaultSearchUser;

    /// <summary>The emulator's development global client token: it searches as the user named in <c>X-Glean-ActAs</c>.</summary>
    public const string GlobalClientToken = GleanEmulatorServer.GlobalClientToken;

    private GleanEmulatorFixture(GleanEmulatorServer server) => Server = server;

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => Server.BaseUrl;

    /// <summary>A plain client for raw API and admin calls.</summary>
    public HttpClient Http => Server.Http;

    internal GleanEmulatorServer Server { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts an emulator; by default with Glean's rate limits off, so tests measure what they mean to.</summary>
    internal static async Task<GleanEmulatorFixture> StartAsync(
        Action<GleanEmulatorOptions>? configure = null,
        TimeProvider? time = null)
    {
        var server = await GleanEmulatorServer.StartAsync(
            options =>
            {
                options.RateLimitsEnabled = false;
                configure?.Invoke(options);
            },
            time,
            Ct);
        return new GleanEmulatorFixture(server);
    }

    internal Task SetFaultsAsync(FaultSettings faults) => Server.SetFaultsAsync(faults, Ct);

    public Task ClearFaultsAsync() => Server.ClearFaultsAsync(Ct);

    public Task SetHealthAsync(string datasource, bool healthy) => Server.SetHealthAsync(datasource, healthy, Ct);

    internal Task<AdminDatasourceView?> GetDatasourceAsync(string datasource) => Server.GetDatasourceAsync(datasource, Ct);

    internal Task<AdminStateView> GetStateAsync() => Server.GetStateAsync(Ct);

    internal Task<IReadOnlyList<RequestLogEntry>> GetRequestsAsync(string? pathContains = null) => Server.GetRequestsAsync(pathContains, Ct);

    public Task ClearRequestsAsync() => Server.ClearRequestsAsync(Ct);

    internal Task ResetAsync() => Server.ResetAsync(Ct);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
