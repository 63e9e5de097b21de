using System.Diagnostics.Metrics;


using DataOps.Glean;
using DataOps.Glean.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Infrastructure;

/// <summary>
/// The Glean adapter wired exactly as the host wires it (<c>AddGleanAdapter</c>), pointed at an emulator,
/// with back-offs in milliseconds so fault tests stay fast.
/// </summary>
public sealed class GleanAdapterHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private GleanAdapterHarness(ServiceProvider provider) => _provider = provider;

    public IGleanConnectorService Service => _provider.GetRequiredService<IGleanConnectorService>();

    /// <summary>The container's meter factory: the adapter's instruments, apart from any other container's.</summary>
    public IMeterFactory Meters => _provider.GetRequiredService<IMeterFactory>();

    internal GleanIndexingClient Indexing => _provider.GetRequiredService<GleanIndexingClient>();

    internal GleanSearchClient Search => _provider.GetRequiredService<GleanSearchClient>();

    /// <summary>
    /// Builds the adapter; <paramref name="settings"/> override the fast test defaults (keys without the <c>Glean:</c> prefix),
    /// <paramref name="services"/> adds to the container before the adapter (fake logging, for instance).
    /// </summary>
    public static GleanAdapterHarness Create(
        Uri baseUrl, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["BaseUrl"] = baseUrl.ToString(),
            ["IndexingToken"] = GleanEmulatorFixture.IndexingToken,
            ["ClientToken"] = GleanEmulatorFixture.ClientToken,
            ["ValidationUser"] = GleanEmulatorFixture.SearchUser,
            ["AttemptTimeout"] = "00:00:05",
            ["MaxRetryAttempts"] = "8",
            ["RetryBaseDelay"] = "00:00:00.005",
            ["RetryMaxDelay"] = "00:00:00.050",
            ["CircuitMinimumThroughput"] = "200",
            ["RateLimitsEnabled"] = "false",
            ["MiddlePageParallelism"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => $"{GleanOptions.SectionName}:{kv.Key}", kv => kv.Value))
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services?.Invoke(collection);
        collection.AddGleanAdapter(configuration);
        return new GleanAdapterHarness(collection.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
