using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Registry;
using DataOps.Testing;
using Microsoft.Extensions.Options;

namespace DataOps.Benchmarks.Workflows;

/// <summary>What <see cref="RegistryMeasurement"/> measured: how long seeding took and each read's latencies.</summary>
internal sealed record RegistryFigures(int Datasets, int SeedingInFlight, TimeSpan Seeding, IReadOnlyList<(string Read, IReadOnlyList<TimeSpan> Samples)> Reads)
{
    public const string ByClient = "list by client (3 stage partitions)";

    /// <summary>The slowest read's p95 (ms) and its name.</summary>
    public (string Read, double P95Ms) WorstP95 => Reads.Select(r => (r.Read, Percentiles.Of(r.Samples).P95Ms)).MaxBy(r => r.P95Ms);
}

/// <summary>
/// Registry reads with many datasets registered through the registry itself (claims, rows, index, audit): point
/// reads by id and the listings the API and the scans use, p50/p95 against a private Azurite.
/// </summary>
internal static class RegistryMeasurement
{
    public const int FullDatasets = 10_000;
    public const int QuickDatasets = 1_000;
    private const int InFlight = 16;
    private static readonly DatasetType[] Types = [DatasetType.ConfluencePages, DatasetType.GithubRepos, DatasetType.SlackMessages, DatasetType.JiraIssues];

    /// <summary>Seeds <paramref name="datasets"/> datasets (a third left REQUESTED, the rest VALIDATING) and times the reads.</summary>
    public static async Task<RegistryFigures> RunAsync(int datasets, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var options = Options.Create(new RegistryOptions { TablePrefix = "bench", EventsQueueName = "bench-events" });
        var tables = new RegistryTables(new TableServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), options);
        var registry = new DatasetRegistry(tables, new AuditLog(tables, options));
        var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var clients = datasets / Types.Length;

        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, datasets), new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var client = $"client-{i / Types.Length:D5}";
            var dataset = Dataset.Register(DatasetId.Create($"ds-{i:D5}"), ClientId.Create(client), ClientName.Create($"C{i / Types.Length:D5}"), JourneyId.Create("j-" + client), Stage.Sandbox, Types[i % Types.Length], TemplateId.Create("generic.general.x"), now);
            var record = await registry.RegisterAsync(dataset, ct);
            if (i % 3 != 0)
            {
                record.Dataset.StartValidation(now.AddMinutes(1));
                await registry.SaveAsync(record, ct);
            }
        });
        seeding.Stop();

        var random = new Random(42);
        var reads = new List<(string, IReadOnlyList<TimeSpan>)>
        {
            ("get by id", await MeasureAsync(300, () => registry.GetAsync(DatasetId.Create($"ds-{random.Next(datasets):D5}"), cancellationToken))),
            (RegistryFigures.ByClient, await MeasureAsync(300, () => registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create($"client-{random.Next(clients):D5}") }, cancellationToken))),
            ("list by client + stage", await MeasureAsync(300, () => registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create($"client-{random.Next(clients):D5}"), Stage = Stage.Sandbox }, cancellationToken))),
            ("list by journey", await MeasureAsync(300, () => registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create($"j-client-{random.Next(clients):D5}") }, cancellationToken))),
            ("list by status, first page of 100", await MeasureAsync(50, () => registry.ListAsync(new DatasetQuery { Status = DatasetStatus.Validating, PageSize = 100 }, cancellationToken))),
        };
        return new RegistryFigures(datasets, InFlight, seeding.Elapsed, reads);
    }

    private static async Task<IReadOnlyList<TimeSpan>> MeasureAsync<T>(int count, Func<Task<T>> call)
    {
        var samples = new List<TimeSpan>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        return samples;
    }
}
