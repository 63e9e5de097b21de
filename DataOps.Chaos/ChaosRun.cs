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

        var chaos = RunChaosAsync(cluster, state, new Random(random.Next()), deadline.Token);
        var submit = SubmitAsync(journeys, hosts, deadline.Token);
        var moveOn = MoveOnAsync(journeys, hosts, state, deadline.Token);
        await Task.WhenAll(chaos, submit, moveOn);
        var workloadDone = _clock.Elapsed;
        Log("workload and faults done; waiting for quiescence");

        var quiescent = await WaitForQuiescenceAsync(journeys, state, deadline.Token);
        var elapsed = _clock.Elapsed;
        Log(quiescent ? $"quiescent after {elapsed.TotalSeconds:0} s" : $"NOT quiescent within the {options.Deadline.TotalMinutes:0} min deadline");

        var checks = await ChaosChecks.RunAsync(journeys, state, cancellationToken);
        if (!quiescent)
        {
            checks.Insert(0, new CheckResult("quiescence within the deadline", [$"not reached within {options.Deadline.TotalMinutes:0} min"], ""));
        }

        if (_workloadErrors.Count > 0)
        {
            checks.Insert(0, new CheckResult("requests accepted", _workloadErrors, ""));
        }

        return new ChaosReport(options, journeys, checks, _timeline, _kills, _azuriteRestarts, hosts.Retries, workloadDone, elapsed, cluster.WorkDirectory);
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
                    break;
            }
        }
    }

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
