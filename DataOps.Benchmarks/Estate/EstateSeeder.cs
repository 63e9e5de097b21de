using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;
using DataOps.Functions.Registry;
using DataOps.Glean;
using DataOps.Glean.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataOps.Benchmarks.Estate;

/// <summary>What <see cref="EstateSeeder"/> made and how long it took.</summary>
internal sealed record EstateSeed(int Datasets, int Clients, int Journeys, TimeSpan Duration, IReadOnlyList<string> JourneyIds, int EventsPublished);

/// <summary>
/// Builds an estate of READY datasets directly, without running a provisioning workflow per dataset: each connector is
/// created through the product's Glean adapter (sandbox and pilot ones filled with one document in one bulk upload),
/// and each dataset goes through the registry's own register, population, validation and READY steps, so its rows,
/// index copies, claims and connector record are the ones a provision writes. A client holds one dataset per stage and
/// type (the registry's slot rule), so the estate has twelve per client over as many clients as it needs, with one
/// journey per client and stage. The domain events the registry publishes while the estate is built (four per dataset)
/// go to the queue service of <c>eventStorage</c>, a storage account apart from the estate's: an estate built over months
/// would have had them consumed by subscribers or expired by the queue's seven-day time to live. On the estate's own
/// Azurite they would not stay harmless: its queue store re-sorts the indexes of every message in every queue at each read
/// or delete of any message (40,000 undelivered events make a poll of an empty queue cost about 235 ms), and once they are
/// deleted its extent store frees their bodies one at a time, re-sorting its index of all extents at each, which holds
/// its one thread for many minutes.
/// </summary>
internal static class EstateSeeder
{
    private const int InFlight = 24;

    private static readonly Stage[] Stages = [Stage.Sandbox, Stage.Pilot, Stage.Production];

    private static readonly DatasetType[] Types = [DatasetType.ConfluencePages, DatasetType.GithubRepos, DatasetType.SlackMessages, DatasetType.JiraIssues];

    public static async Task<EstateSeed> SeedAsync(string storage, string eventStorage, Uri glean, string indexingToken, string clientToken, int datasets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Glean:BaseUrl"] = glean.ToString(),
            ["Glean:IndexingToken"] = indexingToken,
            ["Glean:ClientToken"] = clientToken,
            ["Glean:RateLimitsEnabled"] = "false",
            ["Glean:ValidationUser"] = DataOps.GleanEmulator.GleanEmulatorOptions.DefaultSearchUser,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddGleanAdapter(configuration).BuildServiceProvider();
        var adapter = services.GetRequiredService<IGleanConnectorService>();
        var options = Options.Create(new RegistryOptions());
        var tables = new RegistryTables(new TableServiceClient(storage), new QueueServiceClient(eventStorage), options);
        var audit = new AuditLog(tables, options);
        var registry = new DatasetRegistry(tables, audit);
        var connectors = new ConnectorStore(tables, TimeProvider.System, audit, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConnectorStore>.Instance);
        var journeys = new JourneyProjectionStore(tables);
        var perClient = Stages.Length * Types.Length;
        var clients = (datasets + perClient - 1) / perClient;

        var clock = Stopwatch.StartNew();
        var journeyIds = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < clients; c++)
        {
            foreach (var stage in Stages)
            {
                var journey = JourneyOf(c, stage);
                journeyIds.Add(journey);
                await journeys.ApplyAsync(journey, ClientOf(c), stage.ToWireName(), completed: false, now, cancellationToken);
            }
        }

        await Parallel.ForEachAsync(Enumerable.Range(0, datasets), new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var c = i / perClient;
            var stage = Stages[i % perClient / Types.Length];
            var type = Types[i % Types.Length];
            var dataset = Dataset.Register(
                DatasetId.Create($"estate-{i:D5}"), ClientId.Create(ClientOf(c)), ClientName.Create($"Estate {c:D4}"), JourneyId.Create(JourneyOf(c, stage)),
                stage, type, stage == Stage.Sandbox ? TemplateId.Create("generic.general." + type.ToWireName()) : null, now);
            var connector = await adapter.CreateConnectorAsync(new ConnectorSpec(dataset.ConnectorName.Value, type, stage, new Uri($"https://estate-{c:D4}.example.com/")), ct);
            var record = await registry.RegisterAsync(dataset, ct);
            await connectors.SaveAsync(dataset.Id.Value, connector, ConnectorStatuses.Healthy, ct);
            if (stage != Stage.Production)
            {
                var document = new Dictionary<string, object?>
                {
                    ["id"] = $"doc-{i}", ["title"] = $"Estate document {i}", ["body"] = "estate", ["url"] = $"https://estate-{c:D4}.example.com/doc-{i}",
                    ["created_at"] = now.AddDays(-1), ["updated_at"] = now.AddHours(-1),
                };
                await adapter.PopulateAsync(connector, dataset.Id.Value, 1, [document], ct);
                record.Dataset.RecordPopulation(1, 100, now);
            }

            record.Dataset.StartValidation(now);
            record.Dataset.MarkReady(QualityScore.Create(100, 100, 100, 100, 100, [], true, now), now);
            await registry.SaveAsync(record, ct);
        });
        var events = (await tables.Events.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        return new EstateSeed(datasets, clients, journeyIds.Count, clock.Elapsed, [.. journeyIds.Order(StringComparer.Ordinal)], events);
    }

    public static string ClientOf(int client) => $"estate-client-{client:D4}";

    public static string JourneyOf(int client, Stage stage) => $"estate-{client:D4}-{stage.ToWireName()}";
}
