using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataOps.Testing;
using DataOps.Tests.EndToEnd;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.LocalHost.ScaleOut;

namespace DataOps.Tests.LocalHost;

/// <summary>
/// Scale-out of the product's executable: three DataOps.LocalHost processes on one task hub and one Azurite. The
/// provider's partition leases spread the four control queues over the three workers; the host owning the most
/// partitions is SIGKILLed while teardowns (some of them on its partitions) wait out their grace period on durable
/// timers, and its partitions move to the two survivors and every teardown completes to an archived dataset.
/// </summary>
public sealed class ScaleOutTests(AzuriteFixture azurite)
{
    private const string FunctionKey = "scale-out-function-key";
    private const int HostCount = 3;
    private const int PartitionCount = 4;
    private const int FirstDatasets = 4;
    private const int MaxDatasets = 12;
    private const string InstancesRoute = "runtime/webhooks/durabletask/instances/";

    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SpreadDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan WorkflowDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromMinutes(3);

    // Paces polls that cost several storage requests each, so the hosts under test keep the two cores.
    private static readonly TimeSpan PollPace = TimeSpan.FromMilliseconds(250);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeHosts_HostOwningMostPartitionsSigkilled_ItsPartitionsMoveAndItsTeardownsComplete()
    {
        var clock = Stopwatch.StartNew();
        var prefix = AzuriteFixture.UniqueName("so");
        var hub = "H" + prefix;
        await using var glean = await GleanEmulatorFixture.StartAsync();
        var hosts = new List<LocalHostProcess>();
        try
        {
            await StartHostsAsync(hosts, Settings(prefix, hub, glean));
            Log($"{clock.Elapsed.TotalSeconds:F0} s: hosts {string.Join(", ", hosts.Select(h => $"{h.Name} (pid {h.ProcessId})"))} healthy");

            var spread = await Eventually.ValueAsync(
                () => ReadLeasesAsync(hub),
                leases => IsSpreadOver(leases, hosts),
                SpreadDeadline,
                $"the {PartitionCount} control queues are spread over the {HostCount} hosts ({Pids(hosts)}), each owning at least one under a worker name carrying its pid");
            Log($"{clock.Elapsed.TotalSeconds:F0} s: partitions spread: {spread}");

            // Datasets provisioned through every host, enough that some teardowns land on the partitions of the host
            // that will be killed.
            var datasets = await ProvisionAsync(hosts, 0, FirstDatasets);
            var victimPartitions = Victim(spread, hosts).Partitions;
            while (!datasets.Any(d => victimPartitions.Contains(PartitionOf(TeardownInstance(d)))) && datasets.Count < MaxDatasets)
            {
                datasets.AddRange(await ProvisionAsync(hosts, datasets.Count, 1));
            }

            Log($"{clock.Elapsed.TotalSeconds:F0} s: {datasets.Count} datasets READY");
            await StartTeardownsAsync(hosts, datasets);
            await Eventually.ValueAsync(
                () => StatusesAsync(hosts[0], datasets.Select(TeardownInstance)),
                states => states.All(s => s.Phase == "grace_period"),
                WorkflowDeadline,
                "every teardown waits out its grace period on a durable timer");

            var beforeKill = await ReadLeasesAsync(hub);
            Assert.True(IsSpreadOver(beforeKill, hosts), $"the partitions stay spread while the work runs; leases: {beforeKill}");
            var (victim, partitions) = Victim(beforeKill, hosts);
            var onVictim = datasets.Select(TeardownInstance).Where(i => partitions.Contains(PartitionOf(i))).ToList();
            Assert.True(onVictim.Count > 0, $"some teardown is on the partitions [{string.Join(", ", partitions)}] of {victim.Name}; datasets: {string.Join(", ", datasets)}");

            await victim.KillAsync();
            var killedAt = clock.Elapsed;
            Log($"{killedAt.TotalSeconds:F0} s: SIGKILLed {victim.Name} (pid {victim.ProcessId}) owning partitions [{string.Join(", ", partitions)}] with {onVictim.Count} of {datasets.Count} teardowns in flight");
            var survivors = hosts.Where(h => h != victim).ToList();
            var inFlight = await StatusesAsync(survivors[0], onVictim);
            Assert.All(inFlight, s => Assert.Equal("Running", s.RuntimeStatus));

            var takenOver = await Eventually.ValueAsync(
                () => ReadLeasesAsync(hub),
                leases => IsOwnedBy(leases, survivors),
                FailoverDeadline,
                $"the two surviving hosts ({Pids(survivors)}) own all {PartitionCount} partitions");
            var movedAfter = clock.Elapsed - killedAt;
            Log($"{clock.Elapsed.TotalSeconds:F0} s: partitions moved {movedAfter.TotalSeconds:F0} s after the kill: {takenOver}");

            var finished = await Eventually.ValueAsync(
                () => StatusesAsync(survivors[^1], datasets.Select(TeardownInstance)),
                states => states.All(s => s.IsTerminal),
                FailoverDeadline - movedAfter,
                "every teardown finishes");
            Log($"{clock.Elapsed.TotalSeconds:F0} s: teardowns finished {(clock.Elapsed - killedAt).TotalSeconds:F0} s after the kill");
            Assert.All(finished, s =>
            {
                Assert.Equal("Completed", s.RuntimeStatus);
                Assert.Equal("archived", s.Outcome);
            });
            foreach (var dataset in datasets)
            {
                var detail = await GetJsonAsync(survivors[0], "api/datasets/" + dataset);
                Assert.Equal("archived", detail.GetProperty("dataset").GetProperty("status").GetString());
            }

            Assert.All(survivors, h => Assert.False(h.HasExited, $"{h.Name} exited"));
        }
        catch
        {
            foreach (var host in hosts)
            {
                Log($"--- {host.Name} (pid {host.ProcessId}) output ---{Environment.NewLine}{host.Output()}");
            }

            throw;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            Log($"{clock.Elapsed.TotalSeconds:F0} s: done");
        }
    }

    // What isolates this test on the shared Azurite: its own task hub, tables, queues and containers.
    private Dictionary<string, string> Settings(string prefix, string hub, GleanEmulatorFixture glean)
    {
        var settings = DataOpsApp.IsolatedSettings(azurite.ConnectionString, prefix, hub, glean, FunctionKey);
        settings["extensions:durableTask:storageProvider:partitionCount"] = PartitionCount.ToString(CultureInfo.InvariantCulture);
        settings["logging:logLevel:default"] = "Warning";
        settings["logging:logLevel:Azure"] = "Error";
        settings["logging:logLevel:DataOps"] = "Warning";
        settings["DataOps:Teardown:GracePeriod"] = GracePeriod.ToString("c", CultureInfo.InvariantCulture);
        settings["DOTNET_gcServer"] = "0";
        return settings.ToDictionary(s => s.Key, s => s.Value!, StringComparer.Ordinal);
    }

    private static async Task StartHostsAsync(List<LocalHostProcess> hosts, Dictionary<string, string> settings)
    {
        var ports = PortAllocator.GetFreePorts(HostCount);
        var starting = ports.Select((port, i) => LocalHostProcess.StartAsync($"host-{i + 1}", port, settings, FunctionKey, Ct)).ToArray();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Whatever started is stopped by the caller, even when another host failed to start.
            hosts.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }
    }

    /// <summary>Provisions one custom sandbox dataset per journey, through the hosts in turn; returns their ids once READY.</summary>
    private static async Task<List<string>> ProvisionAsync(List<LocalHostProcess> hosts, int first, int count)
    {
        var journeys = Enumerable.Range(first, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"j-{i}")).ToList();
        foreach (var (journey, i) in journeys.Select((j, i) => (j, first + i)))
        {
            var body = new
            {
                journeyId = journey,
                clientId = string.Create(CultureInfo.InvariantCulture, $"client{i}"),
                clientName = string.Create(CultureInfo.InvariantCulture, $"Client {i}"),
                industry = "healthcare",
                useCase = "clinical_workflows",
                stage = "sandbox",
                datasetTypes = new[] { "custom" },
                requestedBy = "se@example.com",
            };
            using var response = await hosts[i % hosts.Count].Http.PostAsJsonAsync("api/datasets/provision", body, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"provision {journey}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }

        var done = await Eventually.ValueAsync(
            () => StatusesAsync(hosts[0], journeys.Select(j => $"provision:{j}:sandbox")),
            states => states.All(s => s.IsTerminal),
            WorkflowDeadline,
            $"provisioning of {string.Join(", ", journeys)} finishes");
        var datasets = new List<string>();
        foreach (var state in done)
        {
            Assert.Equal("Completed", state.RuntimeStatus);
            var result = state.Output!.Value.GetProperty("datasets")[0];
            Assert.True(result.GetProperty("outcome").GetString() == "ready", $"{state.InstanceId}: {result}");
            datasets.Add(result.GetProperty("datasetId").GetString()!);
        }

        return datasets;
    }

    private static async Task StartTeardownsAsync(List<LocalHostProcess> hosts, List<string> datasets)
    {
        for (var i = 0; i < datasets.Count; i++)
        {
            using var response = await hosts[i % hosts.Count].Http.PostAsJsonAsync(
                $"api/datasets/{datasets[i]}/teardown", new { reason = "manual", force = true }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"teardown {datasets[i]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    private static string TeardownInstance(string datasetId) => "teardown:" + datasetId;

    /// <summary>Where the provider puts an instance: FNV-1a of its id (UTF-8), modulo the partition count.</summary>
    private static int PartitionOf(string instanceId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % PartitionCount);
    }

    private async Task<LeaseSnapshot> ReadLeasesAsync(string hub)
    {
        var leases = await PartitionLeases.ReadAsync(azurite.ConnectionString, hub, Ct);
        await Task.Delay(PollPace, Ct);
        return leases;
    }

    // Every partition is leased, by three distinct workers, one per host.
    private static bool IsSpreadOver(LeaseSnapshot leases, List<LocalHostProcess> hosts)
    {
        var owners = leases.ByOwner.Keys.ToList();
        return leases.Leases.Count == PartitionCount
            && leases.Leases.All(l => l.Owner is not null)
            && owners.Count == hosts.Count
            && hosts.All(h => owners.Count(o => IsWorkerOf(o, h)) == 1);
    }

    // Every partition is leased, each by a worker of one of the given hosts.
    private static bool IsOwnedBy(LeaseSnapshot leases, List<LocalHostProcess> hosts) =>
        leases.Leases.Count == PartitionCount
        && leases.Leases.All(l => l.Owner is { } owner && hosts.Any(h => IsWorkerOf(owner, h)));

    private static (LocalHostProcess Host, int[] Partitions) Victim(LeaseSnapshot leases, List<LocalHostProcess> hosts)
    {
        var (owner, partitions) = leases.ByOwner.OrderByDescending(o => o.Value.Length).First();
        return (hosts.Single(h => IsWorkerOf(owner, h)), partitions);
    }

    // A worker's name carries the pid of its process.
    private static bool IsWorkerOf(string owner, LocalHostProcess host) =>
        Regex.IsMatch(owner, string.Create(CultureInfo.InvariantCulture, $@"(?<!\d){host.ProcessId}(?!\d)"));

    private static string Pids(IEnumerable<LocalHostProcess> hosts) => "pids " + string.Join(", ", hosts.Select(h => h.ProcessId));

    /// <summary>The status of each instance through the Durable management API of <paramref name="host"/>.</summary>
    private static async Task<InstanceStates> StatusesAsync(LocalHostProcess host, IEnumerable<string> instanceIds)
    {
        var states = new List<InstanceState>();
        foreach (var id in instanceIds)
        {
            using var response = await host.Http.GetAsync(new Uri(InstancesRoute + Uri.EscapeDataString(id), UriKind.Relative), Ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                states.Add(new InstanceState(id, null, null, null));
                continue;
            }

            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var custom = body.TryGetProperty("customStatus", out var c) && c.ValueKind == JsonValueKind.Object ? c : (JsonElement?)null;
            var output = body.TryGetProperty("output", out var o) && o.ValueKind == JsonValueKind.Object ? o : (JsonElement?)null;
            states.Add(new InstanceState(
                id,
                body.GetProperty("runtimeStatus").GetString(),
                custom is { } phase && phase.TryGetProperty("phase", out var p) ? p.GetString() : null,
                output));
        }

        await Task.Delay(PollPace, Ct);
        return new InstanceStates(states);
    }

    private static async Task<JsonElement> GetJsonAsync(LocalHostProcess host, string path)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private sealed record InstanceState(string InstanceId, string? RuntimeStatus, string? Phase, JsonElement? Output)
    {
        public bool IsTerminal => RuntimeStatus is "Completed" or "Failed" or "Terminated";

        public string? Outcome => Output is { } o && o.TryGetProperty("outcome", out var v) ? v.GetString() : null;

        public override string ToString() => $"{InstanceId}: {RuntimeStatus ?? "not found"}{(Phase is null ? "" : " (" + Phase + ")")}";
    }

    private sealed class InstanceStates(List<InstanceState> states) : List<InstanceState>(states)
    {
        public override string ToString() => string.Join("; ", this);
    }
}
