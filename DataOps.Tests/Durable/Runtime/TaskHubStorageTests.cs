using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Durable.Runtime;
using DataOps.Durable.Runtime.Dispatch;
using DataOps.Durable.Runtime.Storage;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>
/// What the runtime relies on from the storage clients, checked against a real Azurite with no worker running: a
/// checkpoint from a stale sentinel is a conflict, a partial summary merge keeps the other columns, queue text
/// round-trips as plain text up to the inline limit, and storage that never answers is a
/// <see cref="RequestFailedException"/> with no credential in it.
/// </summary>
public sealed class TaskHubStorageTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private static readonly DateTimeOffset s_created = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly List<ServiceProvider> _providers = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commit_FromAStaleSentinel_IsAConflictAndWritesNothing()
    {
        var services = Services(azurite.ConnectionString);
        await services.GetRequiredService<TaskHubStorage>().EnsureCreatedAsync();
        var store = services.GetRequiredService<HistoryStore>();
        var summary = new InstanceSummary { ExecutionId = "e1", Name = "Flow", Status = OrchestrationRuntimeStatus.Running };
        var first = await store.LoadAsync("stale-1", Ct);
        var second = await store.LoadAsync("stale-1", Ct);

        await store.CommitAsync(first, [Raised("a")], summary, Ct);
        // No sentinel when `second` was loaded: its insert of the sentinel collides.
        await Assert.ThrowsAsync<CheckpointConflictException>(() => store.CommitAsync(second, [Raised("lost")], summary, Ct));
        var third = await store.LoadAsync("stale-1", Ct);
        await store.CommitAsync(first, [Raised("b")], summary, Ct);
        // `third` holds the sentinel's ETag before `first` committed again: its conditional replace fails.
        await Assert.ThrowsAsync<CheckpointConflictException>(() => store.CommitAsync(third, [Raised("lost")], summary, Ct));

        var stored = await store.LoadAsync("stale-1", Ct);
        Assert.Equal(["a", "b"], stored.Events.Select(e => e.Name));
        Assert.Equal(2, stored.NextSequence);
    }

    [Fact]
    public async Task Commit_LongerThanOneTransaction_ChainsTheSentinelETag()
    {
        var services = Services(azurite.ConnectionString);
        await services.GetRequiredService<TaskHubStorage>().EnsureCreatedAsync();
        var store = services.GetRequiredService<HistoryStore>();
        var history = await store.LoadAsync("long-1", Ct);
        var events = Enumerable.Range(0, 250).Select(i => Raised($"e{i}")).ToList();

        await store.CommitAsync(history, events, new InstanceSummary { ExecutionId = "e1", Status = OrchestrationRuntimeStatus.Running }, Ct);

        var stored = await store.LoadAsync("long-1", Ct);
        Assert.Equal(events.Select(e => e.Name), stored.Events.Select(e => e.Name));
        Assert.Equal(250, stored.NextSequence);
    }

    [Fact]
    public async Task Project_PartialSummary_KeepsTheColumnsItDoesNotCarry()
    {
        var services = Services(azurite.ConnectionString);
        await services.GetRequiredService<TaskHubStorage>().EnsureCreatedAsync();
        var instances = services.GetRequiredService<InstanceStore>();
        var pending = new InstanceSummary { ExecutionId = "e1", Name = "Flow", Status = OrchestrationRuntimeStatus.Pending, Input = "\"in\"" };
        await instances.CreateAsync(pending, "merge-1", s_created, Ct);

        // As a poisoned start records its failure: status, failure and completion only.
        var failed = new InstanceSummary
        {
            Status = OrchestrationRuntimeStatus.Failed, Failure = DurableJson.Serialize(new TaskFailureDetails("PoisonMessage", "x")), CompletedAt = s_created.AddMinutes(1),
        };
        await instances.ProjectAsync("merge-1", failed, s_created.AddMinutes(1), isNewChild: false, Ct);

        var stored = await instances.GetAsync("merge-1", withPayloads: true, Ct);
        Assert.NotNull(stored);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, stored.RuntimeStatus);
        Assert.Equal("Flow", stored.Name);
        Assert.Equal("\"in\"", stored.SerializedInput);
        Assert.Equal("PoisonMessage", stored.FailureDetails?.ErrorType);
        Assert.Equal(s_created, stored.CreatedAt);
        Assert.Equal(s_created.AddMinutes(1), stored.LastUpdatedAt);
    }

    [Fact]
    public async Task Query_ByCreationTimeAndStatus_FindsTheInstance()
    {
        var services = Services(azurite.ConnectionString);
        await services.GetRequiredService<TaskHubStorage>().EnsureCreatedAsync();
        var instances = services.GetRequiredService<InstanceStore>();
        await instances.CreateAsync(new InstanceSummary { ExecutionId = "e1", Name = "Flow", Status = OrchestrationRuntimeStatus.Pending }, "when-1", s_created, Ct);
        await instances.CreateAsync(new InstanceSummary { ExecutionId = "e2", Name = "Flow", Status = OrchestrationRuntimeStatus.Pending }, "when-2", s_created.AddDays(1), Ct);

        var query = new OrchestrationQuery
        {
            CreatedFrom = s_created, CreatedTo = s_created.AddHours(1), Statuses = [OrchestrationRuntimeStatus.Pending], InstanceIdPrefix = "when-",
        };
        var found = await instances.Query(query, Ct).ToListAsync(Ct);

        Assert.Equal("when-1", Assert.Single(found).InstanceId);
    }

    [Fact]
    public async Task QueueText_UpToTheInlineLimit_TravelsAsPlainText()
    {
        var services = Services(azurite.ConnectionString);
        var hub = services.GetRequiredService<TaskHubStorage>();
        await hub.EnsureCreatedAsync();
        var sender = services.GetRequiredService<MessageSender>();
        // XML-special and non-ASCII characters, up to the 30,000 characters a payload may have inline.
        var inline = string.Concat(Enumerable.Repeat("<a & 'b'> \"é\" ", 2_200))[..30_000];

        await sender.SendRawAsync(hub.WorkItems, inline, "plain-1", null, Ct);
        await sender.SendRawAsync(hub.WorkItems, inline + "!", "plain-1", null, Ct);

        // Another reader with the queue client's defaults sees the text itself (not base64) and the reference.
        var reader = new QueueClient(azurite.ConnectionString, hub.WorkItems.Name);
        var peeked = (await reader.PeekMessagesAsync(2, Ct)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.Equal(2, peeked.Count);
        Assert.Equal(inline, peeked[0]);
        Assert.StartsWith("@largemessage:plain-1/", peeked[1], StringComparison.Ordinal);
        Assert.Equal(inline + "!", await services.GetRequiredService<LargePayloadStore>().ResolveAsync(peeked[1], Ct));
    }

    [Fact]
    public async Task Abandon_ChangesOnlyTheVisibility_TheTextStays()
    {
        var services = Services(azurite.ConnectionString);
        var hub = services.GetRequiredService<TaskHubStorage>();
        await hub.EnsureCreatedAsync();
        await services.GetRequiredService<MessageSender>().SendRawAsync(hub.WorkItems, "{\"kept\":true}", "keep-1", null, Ct);
        var first = Assert.Single((await hub.WorkItems.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1), Ct)).Value);

        await services.GetRequiredService<QueueMaintenance>().AbandonAsync(hub.WorkItems, first, TimeSpan.Zero, Ct);

        var again = Assert.Single((await hub.WorkItems.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1), Ct)).Value);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal("{\"kept\":true}", again.Body.ToString());
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task Storage_ThatNeverAnswers_FailsWithRequestFailedExceptionWithoutTheKey()
    {
        var services = Services(AzuriteProcess.ConnectionStringFor(PortAllocator.GetFreePorts(3)));
        var hub = services.GetRequiredService<TaskHubStorage>();
        var metrics = services.GetRequiredService<DurableMetrics>();

        var attempts = new[]
        {
            Assert.ThrowsAsync<RequestFailedException>(() => hub.Instances.GetEntityIfExistsAsync<TableEntity>("x", string.Empty, cancellationToken: Ct)),
            Assert.ThrowsAsync<RequestFailedException>(() => hub.WorkItems.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(5), Ct)),
            Assert.ThrowsAsync<RequestFailedException>(() => hub.Leases.GetBlobClient("x").DownloadContentAsync(Ct)),
        };
        var errors = await Task.WhenAll(attempts);

        Assert.All(errors, e => Assert.Equal(0, e.Status));
        Assert.All(errors, e => Assert.DoesNotContain(AzuriteProcess.AccountKey, e.ToString(), StringComparison.Ordinal));
        // Every attempt is counted: the first one and its 4 retries, for each of the three calls.
        Assert.Equal(15, metrics.StorageCallTotal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    private static HistoryEvent Raised(string name) => new(HistoryEventKind.EventRaised) { Name = name, Input = "1" };

    private ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddDurableTask(o =>
        {
            o.HubName = AzuriteFixture.UniqueName("hub");
            o.ConnectionString = connectionString;
            o.StorageProvider.PartitionCount = 1;
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }
}
