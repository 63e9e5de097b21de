using System.Diagnostics;
using System.Globalization;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Registry;
using DataOps.Storage.Queues;
using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DataOps.Benchmarks.Workflows;

/// <summary>
/// Registry reads with 10,000 datasets registered through the registry itself (claims, rows, index, audit): point
/// reads by id and the listings the API and the scans use, p50/p95 against a private Azurite.
/// </summary>
public sealed class RegistryBenchmarkSuite : IBenchmarkSuite
{
    private const int Datasets = 10_000;
    private const int InFlight = 16;
    private static readonly DatasetType[] Types = [DatasetType.ConfluencePages, DatasetType.GithubRepos, DatasetType.SlackMessages, DatasetType.JiraIssues];

    /// <inheritdoc />
    public string Name => "registry";

    /// <inheritdoc />
    public string Description => "registry read latency (by id, by client, by journey, by status) with 10,000 datasets";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var options = Options.Create(new RegistryOptions { TablePrefix = "bench", EventsQueueName = "bench-events" });
        var tables = new RegistryTables(new TableServiceClient(azurite.ConnectionString), new QueueServiceClient(azurite.ConnectionString), options);
        var registry = new DatasetRegistry(tables, new AuditLog(tables, options));
        var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Datasets), new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken }, async (i, ct) =>
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
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seeded {Datasets} datasets through the registry in {seeding.Elapsed.TotalSeconds:F1} s ({Datasets / seeding.Elapsed.TotalSeconds:F0}/s, {InFlight} in flight)"));

        var random = new Random(42);
        var byId = await MeasureAsync(300, () => registry.GetAsync(DatasetId.Create($"ds-{random.Next(Datasets):D5}"), cancellationToken));
        var byClient = await MeasureAsync(300, () => registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create($"client-{random.Next(Datasets / Types.Length):D5}") }, cancellationToken));
        var byClientStage = await MeasureAsync(300, () => registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create($"client-{random.Next(Datasets / Types.Length):D5}"), Stage = Stage.Sandbox }, cancellationToken));
        var byJourney = await MeasureAsync(300, () => registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create($"j-client-{random.Next(Datasets / Types.Length):D5}") }, cancellationToken));
        var byStatus = await MeasureAsync(50, () => registry.ListAsync(new DatasetQuery { Status = DatasetStatus.Validating, PageSize = 100 }, cancellationToken));

        await output.WriteLineAsync(Percentiles.Header);
        await output.WriteLineAsync(Percentiles.Row("get by id", byId));
        await output.WriteLineAsync(Percentiles.Row("list by client (3 stage partitions)", byClient));
        await output.WriteLineAsync(Percentiles.Row("list by client + stage", byClientStage));
        await output.WriteLineAsync(Percentiles.Row("list by journey", byJourney));
        await output.WriteLineAsync(Percentiles.Row("list by status, first page of 100", byStatus));
    }

    private static async Task<List<TimeSpan>> MeasureAsync<T>(int count, Func<Task<T>> call)
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
