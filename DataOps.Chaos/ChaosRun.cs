using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace DataOps.Chaos;

/// <summary>
/// The chaos run: starts the cluster, drives the workload (journeys over HTTP, stage changes on the queue) while
/// hosts are SIGKILLed and restarted, Azurite restarts and Glean fails, waits for quiescence, then checks the
/// product's promises (<see cref="ChaosChecks"/>).
/// </summary>
internal sealed class ChaosRun(ChaosOptions options, TextWriter output)
{
    private static readonly string[] AllTypes = ["confluence_pages", "github_repos", "slack_messages", "jira_issues"];
    private static readonly (string Industry, string UseCase)[] UseCases =
    [
        ("healthcare", "clinical_workflows"), ("fintech", "customer_support"), ("retail", "customer_support"),
        ("enterprise", "knowledge_mgmt"), ("manufacturing", "developer_productivity"),
    ];

    private readonly Stopwatch _clock = new();
    private readonly List<string> _timeline = [];
    private readonly List<string> _workloadErrors = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _faultWindowOver = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FailurePathCounts _counts = new();
    private TimeSpan _origin;
    private int _kills;
    private int _azuriteRestarts;

    public async Task<ChaosReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var runId = options.Seed.ToString("x8", CultureInfo.InvariantCulture)[^6..];
        var movers = Enumerable.Range(0, options.Journeys).OrderBy(_ => random.Next()).Take(options.Transitions).ToHashSet();
        var journeys = Enumerable.Range(0, options.Journeys).Select(i =>
        {
            var types = AllTypes.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray();
            var (industry, useCase) = UseCases[i % UseCases.Length];
            return new ChaosJourney(i, runId, types, movers.Contains(i), industry, useCase);
        }).ToList();

        await output.WriteLineAsync(
            $"chaos run: seed {options.Seed}, {journeys.Count} journeys ({journeys.Sum(j => j.Types.Count)} datasets), {options.Transitions} move on to pilot, " +
            $"{options.HostKills} host kills, Azurite restart {(options.RestartAzurite ? "yes" : "no")}, Glean faults for {options.FaultWindow.TotalSeconds:0} s, grace {options.GracePeriod.TotalSeconds:0} s");
        _clock.Start();
        await using var cluster = await ChaosCluster.StartAsync(options, output, cancellationToken);
        _origin = _clock.Elapsed;
        Log($"cluster up in {_origin.TotalSeconds:0.0} s; logs in {cluster.WorkDirectory}");
        using var hosts = new HostsClient(cluster.HostUrls, ChaosCluster.FunctionKey);
        using var state = new ClusterState(cluster.ConnectionString, cluster.GleanUrl);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Deadline);

        // The provision that fails for good: its Glean datasource name is taken (by another connector's name) before it is asked for.
        var doomed = journeys.First(j => !j.MovesOn);
        var doomedType = doomed.Types[0];
        await state.RegisterDatasourceAsync(doomed.DatasourceOf(doomedType), "Squatter of another team", deadline.Token);
        Log($"Glean datasource {doomed.DatasourceOf(doomedType)} registered under another connector's name: {doomed.JourneyId} {doomedType} must fail for good");

        using var sweeps = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var sweepWatch = WatchSweepsAsync(state, sweeps.Token);
        var chaos = RunChaosAsync(cluster, state, new Random(random.Next()), deadline.Token);
        var submit = SubmitAsync(journeys, hosts, deadline.Token);
        var moveOn = MoveOnAsync(journeys, hosts, state, deadline.Token);
        var failAndRetry = FailAndRetryAsync(doomed, doomedType, hosts, state, deadline.Token);
        var cancel = CancelOneTeardownAsync(journeys, hosts, state, deadline.Token);
        var outage = OutageAsync(journeys.Where(j => !j.MovesOn && j != doomed).ToList(), state, deadline.Token);
        await Task.WhenAll(chaos, submit, moveOn, failAndRetry, cancel, outage);
        var workloadDone = _clock.Elapsed;
        Log("workload and faults done; waiting for quiescence");

        var quiescent = await WaitForQuiescenceAsync(journeys, state, deadline.Token);
        var elapsed = _clock.Elapsed;
        Log(quiescent ? $"quiescent after {elapsed.TotalSeconds:0} s" : $"NOT quiescent within the {options.Deadline.TotalMinutes:0} min deadline");
        await sweeps.CancelAsync();
        await sweepWatch;

        var checks = await ChaosChecks.RunAsync(journeys, state, cancellationToken);
        if (!quiescent)
        {
            checks.Insert(0, new CheckResult("quiescence within the deadline", [$"not reached within {options.Deadline.TotalMinutes:0} min"], ""));
        }

        if (_workloadErrors.Count > 0)
        {
            checks.Insert(0, new CheckResult("requests accepted", _workloadErrors, ""));
        }

        return new ChaosReport(options, journeys, checks, _timeline, _kills, _azuriteRestarts, hosts.Retries, workloadDone, elapsed, cluster.WorkDirectory)
        {
            FailurePaths = _counts,
        };
    }

    private async Task SubmitAsync(List<ChaosJourney> journeys, HostsClient hosts, CancellationToken cancellationToken)
    {
        var submissions = new List<Task>();
        for (var i = 0; i < journeys.Count; i++)
        {
            var due = options.SubmitWindow * i / Math.Max(1, journeys.Count);
            await DelayUntilAsync(due, cancellationToken);
            var journey = journeys[i];
            submissions.Add(SubmitOneAsync(journey, hosts, i % 2, cancellationToken));
            if (i % 4 == 0)
            {
                // A client that sent twice (to the other host): the product must start nothing twice.
                submissions.Add(SubmitOneAsync(journey, hosts, (i + 1) % 2, cancellationToken));
            }
        }

        await Task.WhenAll(submissions);
    }

    private async Task SubmitOneAsync(ChaosJourney journey, HostsClient hosts, int host, CancellationToken cancellationToken)
    {
        try
        {
            var (status, body) = await hosts.SendAsync(HttpMethod.Post, "api/datasets/provision", journey.ProvisionBody, host, TimeSpan.FromMinutes(3), cancellationToken);
            if (status is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.Conflict)
            {
                journey.Submitted = true;
            }
            else
            {
                Error($"provision {journey.JourneyId}: {(int)status} {body}");
            }
        }
        catch (TimeoutException ex)
        {
            Error($"provision {journey.JourneyId}: {ex.Message}");
        }
    }

    private async Task MoveOnAsync(IReadOnlyList<ChaosJourney> journeys, HostsClient hosts, ClusterState state, CancellationToken cancellationToken)
    {
        var pending = journeys.Where(j => j.MovesOn).ToList();
        var sent = 0;
        while (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            foreach (var journey in pending.ToList())
            {
                if (!journey.Submitted)
                {
                    continue;
                }

                JsonElement body;
                try
                {
                    (_, body) = await hosts.SendAsync(HttpMethod.Get, $"api/datasets?journeyId={journey.JourneyId}", null, sent % 2, TimeSpan.FromMinutes(2), cancellationToken);
                }
                catch (TimeoutException ex)
                {
                    Error($"list {journey.JourneyId}: {ex.Message}");
                    continue;
                }

                var statuses = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("items", out var items)
                    ? items.EnumerateArray().Select(d => d.GetProperty("status").GetString() ?? "").ToList()
                    : [];
                if (statuses.Contains("failed"))
                {
                    // Reported by the checks; a failed journey does not move on.
                    pending.Remove(journey);
                }
                else if (statuses.Count == journey.Types.Count && statuses.All(s => s == "ready"))
                {
                    await RetryStorageAsync(() => state.SendJourneyEventAsync(journey.StageChanged(DateTimeOffset.UtcNow), cancellationToken), cancellationToken);
                    if (sent % 2 == 0)
                    {
                        // At-least-once delivery: the same event again must tear down nothing twice.
                        await RetryStorageAsync(() => state.SendJourneyEventAsync(journey.StageChanged(DateTimeOffset.UtcNow), cancellationToken), cancellationToken);
                    }

                    journey.TransitionSent = true;
                    sent++;
                    pending.Remove(journey);
                    Log($"{journey.JourneyId} READY ({journey.Types.Count} datasets): stage change to pilot sent");
                }
            }

            if (pending.Count > 0)
            {
                // The next look at the journeys still provisioning.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private async Task RunChaosAsync(ChaosCluster cluster, ClusterState state, Random random, CancellationToken cancellationToken)
    {
        var window = options.ChaosWindow;
        var actions = new List<(TimeSpan At, string What)>();
        for (var i = 0; i < options.HostKills; i++)
        {
            actions.Add((window * (0.05 + (0.9 * random.NextDouble())), "kill"));
        }

        if (options.RestartAzurite)
        {
            actions.Add((window * (0.3 + (0.3 * random.NextDouble())), "azurite"));
        }

        if (options.FaultWindow > TimeSpan.Zero)
        {
            var start = window * (0.1 + (0.2 * random.NextDouble()));
            actions.Add((start, "faults-on"));
            actions.Add((start + options.FaultWindow, "faults-off"));
        }

        var victim = random.Next(2);
        foreach (var (at, what) in actions.OrderBy(a => a.At))
        {
            await DelayUntilAsync(at, cancellationToken);
            switch (what)
            {
                case "kill":
                    var pid = await cluster.KillHostAsync(victim);
                    _kills++;
                    Log($"SIGKILL host-{(victim == 0 ? 'a' : 'b')} (pid {pid})");
                    // The host stays dead for a moment, as a crashed process would before its supervisor restarts it.
                    await Task.Delay(TimeSpan.FromMilliseconds(500 + random.Next(2500)), cancellationToken);
                    await cluster.StartHostAsync(victim, cancellationToken);
                    Log($"host-{(victim == 0 ? 'a' : 'b')} restarted");
                    victim = 1 - victim;
                    break;
                case "azurite":
                    var down = await cluster.RestartAzuriteAsync(cancellationToken);
                    _azuriteRestarts++;
                    Log($"Azurite restarted (SIGTERM, same store and ports; {down.TotalSeconds:0.0} s without storage)");
                    break;
                case "faults-on":
                    await state.SetGleanFaultsAsync(new { share500 = 0.1, share503 = 0.1, share429WithRetryAfter = 0.1, retryAfterSeconds = 1 }, cancellationToken);
                    Log("Glean emulator: 20 % 5xx + 10 % 429 on");
                    break;
                case "faults-off":
                    await state.SetGleanFaultsAsync(null, cancellationToken);
                    Log("Glean emulator: faults off");
                    _faultWindowOver.TrySetResult();
                    break;
            }
        }

        _faultWindowOver.TrySetResult();
    }

    /// <summary>
    /// The Glean outage longer than the retry budget: once the fault window is over and a journey that stays is READY,
    /// search answers 503 to everything and one of that journey's datasources reports nothing indexed, for
    /// <see cref="ChaosOptions.OutageWindow"/> (several health sweeps). Datasets validated meanwhile must stay VALIDATING
    /// (their checks could not run), never FAILED, and the sweep must bring every one to READY afterwards.
    /// </summary>
    private async Task OutageAsync(IReadOnlyList<ChaosJourney> stayers, ClusterState state, CancellationToken cancellationToken)
    {
        if (options.OutageWindow <= TimeSpan.Zero)
        {
            return;
        }

        await _faultWindowOver.Task.WaitAsync(cancellationToken);
        DatasetRow? victim = null;
        while (victim is null)
        {
            var datasets = await RetryStorageAsync(() => state.DatasetsAsync(cancellationToken), cancellationToken);
            victim = stayers
                .Select(j => datasets.Where(d => d.JourneyId == j.JourneyId).ToList())
                .Where(mine => mine.Count > 0 && mine.All(d => d.Status == "ready"))
                .Select(mine => mine.OrderBy(d => d.DatasetId, StringComparer.Ordinal).First())
                .FirstOrDefault(d => d.GleanDatasource is not null);
            if (victim is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        await state.SetGleanFaultsAsync(new { share503 = 1.0, pathPrefix = "/rest/api/v1/search", unhealthyDatasources = new[] { victim.GleanDatasource } }, cancellationToken);
        _counts.OutageVictim = victim.DatasetId;
        Log($"Glean outage: search 100 % 503 and datasource {victim.GleanDatasource} ({victim.DatasetId}, READY) unhealthy for {options.OutageWindow.TotalSeconds:0} s");
        var end = _clock.Elapsed + options.OutageWindow;
        var seenValidating = false;
        while (_clock.Elapsed < end)
        {
            if (!seenValidating)
            {
                var datasets = await RetryStorageAsync(() => state.DatasetsAsync(cancellationToken), cancellationToken);
                if (datasets.FirstOrDefault(d => d.DatasetId == victim.DatasetId) is { Status: "validating" })
                {
                    seenValidating = true;
                    _counts.OutageVictimReverted = true;
                    Log($"{victim.DatasetId}: the health sweep found its connector unhealthy and took it back to VALIDATING");
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        await state.SetGleanFaultsAsync(null, cancellationToken);
        Log("Glean outage over: search answers, the datasource is healthy again");
    }

    /// <summary>
    /// The provision that fails for good: its datasource name carries another connector's name, so creating the connector
    /// is refused on every attempt and the dataset ends FAILED (compensated). An operator then gives the datasource to the
    /// dataset's connector and asks for a retry (<c>POST /api/datasets/{id}/retry</c>); the dataset must end READY.
    /// </summary>
    private async Task FailAndRetryAsync(ChaosJourney journey, string type, HostsClient hosts, ClusterState state, CancellationToken cancellationToken)
    {
        DatasetRow? failed = null;
        while (failed is null)
        {
            var datasets = await RetryStorageAsync(() => state.DatasetsAsync(cancellationToken), cancellationToken);
            var mine = datasets.FirstOrDefault(d => d.JourneyId == journey.JourneyId && d.DatasetType == type);
            if (mine is { Status: "failed" })
            {
                failed = mine;
            }
            else if (mine is { Status: "ready" or "archived" })
            {
                Error($"{mine.DatasetId} ({journey.JourneyId} {type}) is {mine.Status.ToUpperInvariant()} over a datasource another connector holds");
                return;
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }

        _counts.FailedForGood = failed.DatasetId;
        Log($"{failed.DatasetId} ({journey.JourneyId} {type}) FAILED for good: {Short(failed.FailureReason)}");
        await state.RegisterDatasourceAsync(journey.DatasourceOf(type), failed.ConnectorName, cancellationToken);
        try
        {
            var (status, body) = await hosts.SendAsync(HttpMethod.Post, $"api/datasets/{failed.DatasetId}/retry", new { reason = "chaos: the datasource was given back to its connector" }, 0, TimeSpan.FromMinutes(2), cancellationToken);
            if (status == HttpStatusCode.Accepted)
            {
                _counts.RetriesAccepted++;
                Log($"{failed.DatasetId}: datasource given back to {failed.ConnectorName}, retry accepted ({(body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var id) ? id.GetString() : "202")})");
            }
            else
            {
                Error($"retry {failed.DatasetId}: {(int)status} {body}");
            }
        }
        catch (TimeoutException ex)
        {
            Error($"retry {failed.DatasetId}: {ex.Message}");
        }
    }

    /// <summary>
    /// The cancelled teardown: the first teardown seen in its grace period with a few seconds left is cancelled by an
    /// operator (<c>POST /api/teardowns/{id}/cancel</c>); its dataset must end READY (restored and revalidated), not ARCHIVED.
    /// </summary>
    private async Task CancelOneTeardownAsync(IReadOnlyList<ChaosJourney> journeys, HostsClient hosts, ClusterState state, CancellationToken cancellationToken)
    {
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var lastRunning = _clock.Elapsed;
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<InstanceRow> teardowns;
            try
            {
                teardowns = await state.InstancesAsync("teardown:", cancellationToken);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            if (teardowns.Any(t => !ChaosChecks.IsTerminal(t.Status)) || !journeys.Where(j => j.MovesOn).All(j => j.TransitionSent))
            {
                // A teardown is running, or one is still to come: the minute of quiet counts from the last stage change sent.
                lastRunning = _clock.Elapsed;
            }
            else if (_clock.Elapsed - lastRunning > TimeSpan.FromSeconds(60))
            {
                // Every journey moved on a minute ago and no teardown is left to cancel.
                break;
            }

            var candidate = teardowns.FirstOrDefault(t => t.Status == "Running" && !refused.Contains(t.InstanceId) && GraceLeft(t.CustomStatus) > TimeSpan.FromSeconds(2));
            if (candidate is null)
            {
                // Grace periods are seconds long in the run: look often.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
                continue;
            }

            var datasetId = candidate.InstanceId["teardown:".Length..];
            HttpStatusCode status;
            JsonElement body;
            try
            {
                (status, body) = await hosts.SendAsync(HttpMethod.Post, $"api/teardowns/{datasetId}/cancel", new { reason = "chaos: an operator changed their mind" }, 1, TimeSpan.FromMinutes(1), cancellationToken);
            }
            catch (TimeoutException ex)
            {
                Error($"cancel {candidate.InstanceId}: {ex.Message}");
                return;
            }

            if (status != HttpStatusCode.Accepted)
            {
                refused.Add(candidate.InstanceId);
                Log($"cancel of {candidate.InstanceId} refused ({(int)status}): {Short(body.ToString())}");
                continue;
            }

            var datasets = await RetryStorageAsync(() => state.DatasetsAsync(cancellationToken), cancellationToken);
            var dataset = datasets.First(d => d.DatasetId == datasetId);
            journeys.First(j => j.JourneyId == dataset.JourneyId).ExpectedOverrides[dataset.DatasetType] = "ready";
            _counts.CancelledTeardown = datasetId;
            Log($"teardown of {datasetId} ({dataset.JourneyId} {dataset.DatasetType}) cancelled in its grace period ({GraceLeft(candidate.CustomStatus).TotalSeconds:0.0} s left): it must end READY");
            return;
        }

        Error("no teardown could be cancelled in its grace period");
    }

    /// <summary>Time left in a teardown's grace period, from its custom status (<c>{phase: grace_period, deleteAt}</c>); zero outside it.</summary>
    private static TimeSpan GraceLeft(string? customStatus)
    {
        if (string.IsNullOrEmpty(customStatus))
        {
            return TimeSpan.Zero;
        }

        try
        {
            using var status = JsonDocument.Parse(customStatus);
            return status.RootElement.ValueKind == JsonValueKind.Object
                && status.RootElement.TryGetProperty("phase", out var phase) && phase.GetString() == "grace_period"
                && status.RootElement.TryGetProperty("deleteAt", out var deleteAt) && deleteAt.TryGetDateTimeOffset(out var at)
                ? at - DateTimeOffset.UtcNow
                : TimeSpan.Zero;
        }
        catch (JsonException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Reads each health sweep's result as it completes (one instance id, rewritten by every sweep) and counts its repairs.</summary>
    private async Task WatchSweepsAsync(ClusterState state, CancellationToken cancellationToken)
    {
        var seen = new HashSet<DateTimeOffset>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var sweep in await state.InstancesAsync("health-sweep", cancellationToken))
                {
                    if (sweep.InstanceId != "health-sweep" || sweep.Status != "Completed" || sweep.Created is not { } created || !seen.Add(created))
                    {
                        continue;
                    }

                    _counts.Sweeps++;
                    var result = ReadSweep(sweep.Output);
                    foreach (var (dataset, repair) in result.Repaired)
                    {
                        _counts.Repairs.Add((dataset, repair));
                        Log($"health sweep repaired {dataset}: {repair}");
                    }

                    foreach (var dataset in result.Reverted)
                    {
                        _counts.Reverted.Add(dataset);
                        Log($"health sweep found the connector of {dataset} unhealthy: revalidated");
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                // Storage restarting: look again shortly.
            }
        }
    }

    private static (List<(string Dataset, string Repair)> Repaired, List<string> Reverted) ReadSweep(string? output)
    {
        var repaired = new List<(string, string)>();
        var reverted = new List<string>();
        if (string.IsNullOrEmpty(output))
        {
            return (repaired, reverted);
        }

        try
        {
            using var document = JsonDocument.Parse(output);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "repaired", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    repaired.AddRange(property.Value.EnumerateArray().Select(r => (Field(r, "datasetId"), Field(r, "repair"))));
                }
                else if (string.Equals(property.Name, "datasetIds", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    reverted.AddRange(property.Value.EnumerateArray().Select(d => d.ToString()));
                }
            }
        }
        catch (JsonException)
        {
            // Not the shape written by this product version: nothing counted.
        }

        return (repaired, reverted);

        static string Field(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object
                && element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: not JsonValueKind.Undefined } found
                ? found.Value.ToString()
                : "?";
    }

    private static string Short(string? text) => text is null ? "" : text.Length <= 160 ? text : text[..160] + "...";

    private async Task<bool> WaitForQuiescenceAsync(List<ChaosJourney> journeys, ClusterState state, CancellationToken cancellationToken)
    {
        var lastReport = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var datasets = await state.DatasetsAsync(cancellationToken);
                var instances = await state.InstancesAsync(cancellationToken);
                var running = instances.Where(i => !ChaosChecks.IsTerminal(i.Status)).ToList();
                var settled = journeys.Count(j => ChaosChecks.IsSettled(j, datasets));
                running = running.Where(i => i.InstanceId != "health-sweep").ToList();
                if (running.Count == 0 && settled == journeys.Count)
                {
                    return true;
                }

                if (_clock.Elapsed - lastReport > TimeSpan.FromSeconds(30))
                {
                    lastReport = _clock.Elapsed;
                    Log($"waiting: {settled}/{journeys.Count} journeys settled, {running.Count} orchestrations running" +
                        (running.Count is > 0 and <= 5 ? $" ({string.Join(", ", running.Select(i => $"{i.InstanceId} {i.Status}"))})" : ""));
                }

                // Polling storage for the end state, with the run's deadline as the bound.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        return false;
    }

    private static async Task<T> RetryStorageAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        T result = default!;
        await RetryStorageAsync(async () => { result = await action(); }, cancellationToken);
        return result;
    }

    private static async Task RetryStorageAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception ex) when (attempt < 30 && ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
            {
                // Storage restarting (the SDK reports retries exhausted over a refused connection as an AggregateException): try again shortly.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private async Task DelayUntilAsync(TimeSpan at, CancellationToken cancellationToken)
    {
        // Workload and fault moments count from the moment the cluster is up.
        var wait = _origin + at - _clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    private void Log(string line)
    {
        var stamped = $"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {line}";
        lock (_lock)
        {
            _timeline.Add(stamped);
        }

        output.WriteLine(stamped);
    }

    private void Error(string line)
    {
        lock (_lock)
        {
            _workloadErrors.Add(line);
        }

        Log("ERROR " + line);
    }
}
