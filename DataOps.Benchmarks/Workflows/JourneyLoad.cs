using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.Benchmarks.Workflows;

/// <summary>One requested dataset as the registry ended up with it.</summary>
internal sealed record DatasetOutcome(string JourneyId, string DatasetId, string DatasetType, string Status, DateTimeOffset? ReadyAt, TimeSpan? RequestToReady);

/// <summary>What submitting a set of journeys at once gave.</summary>
internal sealed record JourneyLoadResult(
    int Journeys,
    int Requested,
    IReadOnlyList<TimeSpan> JourneyLatencies,
    IReadOnlyList<DatasetOutcome> Datasets,
    DateTimeOffset FirstRequestAt,
    TimeSpan Elapsed)
{
    public static readonly string ReadyStatus = DatasetStatus.Ready.ToWireName();

    public int Ready => Datasets.Count(d => d.Status == ReadyStatus);

    /// <summary>Request-to-READY of every dataset that became READY.</summary>
    public IReadOnlyList<TimeSpan> ReadyLatencies => [.. Datasets.Where(d => d.RequestToReady is not null).Select(d => d.RequestToReady!.Value)];

    /// <summary>Datasets READY per second, from the first request to the last dataset's <c>readyAt</c>.</summary>
    public double ReadyPerSecond => Datasets.Max(d => d.ReadyAt) is { } last && last > FirstRequestAt ? Ready / (last - FirstRequestAt).TotalSeconds : 0;
}

/// <summary>
/// Submits sandbox journeys through <c>POST /api/datasets/provision</c> all at once, waits for their orchestrations
/// with one instance query a second, and reads each dataset's <c>readyAt</c> back through <c>GET /api/datasets</c>.
/// Request-to-READY of a dataset is its <c>readyAt</c> (the orchestration time at which validation concluded, as the
/// product records it) less the moment its journey's request was sent; a journey's latency ends at its
/// orchestration's last update. Neither depends on how often the benchmark polls.
/// </summary>
internal static class JourneyLoad
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Runs journeys <c>{prefix}-000</c>.. (each its own client) with <paramref name="types"/> each;
    /// <paramref name="completed"/> runs as soon as every orchestration has finished, before the datasets are read.
    /// </summary>
    public static async Task<JourneyLoadResult> RunAsync(
        HttpClient http, Func<OrchestrationQuery, IAsyncEnumerable<OrchestrationMetadata>> instances, string prefix, int journeys, IReadOnlyList<string> types, TimeSpan timeout, Func<Task>? completed, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, journeys).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D3}")).ToArray();
        var sentAt = new DateTimeOffset[journeys];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(async (journey, i) =>
        {
            var body = new { journeyId = journey, clientId = journey, clientName = journey, industry = "healthcare", useCase = "clinical_workflows", stage = "sandbox", datasetTypes = types, requestedBy = "bench@example.com" };
            sentAt[i] = DateTimeOffset.UtcNow;
            using var response = await http.PostAsJsonAsync("api/datasets/provision", body, cancellationToken);
            response.EnsureSuccessStatusCode();
        }));

        var started = ids.Select(id => LifecycleWorkflows.Provision(JourneyId.Create(id), Stage.Sandbox)).ToHashSet(StringComparer.Ordinal);
        var done = await WaitAllAsync(instances, started, timeout, cancellationToken);
        var elapsed = clock.Elapsed;
        if (completed is not null)
        {
            await completed();
        }

        var journeyLatencies = new List<TimeSpan>();
        var datasets = new List<DatasetOutcome>();
        for (var i = 0; i < journeys; i++)
        {
            journeyLatencies.Add(done[LifecycleWorkflows.Provision(JourneyId.Create(ids[i]), Stage.Sandbox)].LastUpdatedAt - sentAt[i]);
            datasets.AddRange(await ReadDatasetsAsync(http, ids[i], sentAt[i], cancellationToken));
        }

        return new JourneyLoadResult(journeys, journeys * types.Count, journeyLatencies, datasets, sentAt.Min(), elapsed);
    }

    private static async Task<Dictionary<string, OrchestrationMetadata>> WaitAllAsync(
        Func<OrchestrationQuery, IAsyncEnumerable<OrchestrationMetadata>> query, HashSet<string> instances, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Every id shares the part before the journey's number; one prefix query a poll covers them all.
        var instancePrefix = CommonPrefix(instances);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var finished = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
            await foreach (var instance in query(new OrchestrationQuery
            {
                InstanceIdPrefix = instancePrefix,
                Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
                PageSize = 1000,
            }).WithCancellation(cancellationToken))
            {
                if (instances.Contains(instance.InstanceId))
                {
                    finished[instance.InstanceId] = instance;
                }
            }

            if (finished.Count == instances.Count)
            {
                return finished;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{instances.Count - finished.Count} of {instances.Count} provisioning orchestrations ({instancePrefix}*) had not finished after {timeout.TotalSeconds:F0} s");
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private static string CommonPrefix(IEnumerable<string> values) =>
        values.Aggregate((a, b) => a[..Enumerable.Range(0, Math.Min(a.Length, b.Length)).TakeWhile(i => a[i] == b[i]).Count()]);

    private static async Task<IEnumerable<DatasetOutcome>> ReadDatasetsAsync(HttpClient http, string journey, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var page = await http.GetFromJsonAsync<JsonElement>($"api/datasets?journeyId={Uri.EscapeDataString(journey)}&pageSize=100", cancellationToken);
        return page.GetProperty("items").EnumerateArray().Select(d =>
        {
            DateTimeOffset? readyAt = d.TryGetProperty("readyAt", out var r) && r.ValueKind == JsonValueKind.String ? r.GetDateTimeOffset() : null;
            var status = d.GetProperty("status").GetString() ?? "?";
            return new DatasetOutcome(journey, d.GetProperty("datasetId").GetString() ?? "?", d.GetProperty("datasetType").GetString() ?? "?", status,
                readyAt, status == JourneyLoadResult.ReadyStatus && readyAt is { } at ? at - sentAt : null);
        }).ToList();
    }
}
