using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Glean.Model;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace DataOps.Tests.Functions.Registry;

/// <summary>A connector row belongs to the dataset that last created it; only that dataset gets it back.</summary>
public sealed class ConnectorStoreTests(AzuriteFixture azurite)
{
    private static readonly ConnectorName Name = ConnectorName.Create("ACME-sandbox-jira");
    private static readonly DatasetId Failed = DatasetId.Create("ds-failed");
    private static readonly DatasetId Successor = DatasetId.Create("ds-successor");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetOwnedAsync_RowOfTheDataset_ReturnsIt()
    {
        var (store, _) = NewStore();
        await store.SaveAsync(Failed.Value, Connector(), ConnectorStatuses.Healthy, Ct);

        var owned = await store.GetOwnedAsync(Failed, Name, Ct);

        Assert.NotNull(owned);
        Assert.Equal(Failed.Value, owned.DatasetId);
        Assert.Equal(ConnectorStatuses.Healthy, owned.Status);
    }

    [Fact]
    public async Task GetOwnedAsync_NameTakenOverByAnotherDataset_ReturnsNullAndLogsTheSkip()
    {
        var (store, logs) = NewStore();
        await store.SaveAsync(Failed.Value, Connector(), ConnectorStatuses.Retired, Ct);
        await store.SaveAsync(Successor.Value, Connector(), ConnectorStatuses.Healthy, Ct);

        var forFailed = await store.GetOwnedAsync(Failed, Name, Ct);
        var forSuccessor = await store.GetOwnedAsync(Successor, Name, Ct);

        Assert.Null(forFailed);
        Assert.Equal(Successor.Value, forSuccessor!.DatasetId);
        var skip = Assert.Single(logs.GetSnapshot());
        Assert.Equal(LogLevel.Warning, skip.Level);
        Assert.Contains(Failed.Value, skip.Message, StringComparison.Ordinal);
        Assert.Contains(Name.Value, skip.Message, StringComparison.Ordinal);
        Assert.Contains(Successor.Value, skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOwnedAsync_NeverCreated_ReturnsNullWithoutLogging()
    {
        var (store, logs) = NewStore();

        var owned = await store.GetOwnedAsync(Failed, Name, Ct);

        Assert.Null(owned);
        Assert.Empty(logs.GetSnapshot());
    }

    [Fact]
    public async Task GetAsync_NameTakenOverByAnotherDataset_ReturnsTheCurrentOwnersRow()
    {
        var (store, _) = NewStore();
        await store.SaveAsync(Failed.Value, Connector(), ConnectorStatuses.Retired, Ct);
        await store.SaveAsync(Successor.Value, Connector(), ConnectorStatuses.Healthy, Ct);

        var row = await store.GetAsync(Name.Value, Ct);

        Assert.Equal(Successor.Value, row!.DatasetId);
        Assert.Equal(ConnectorStatuses.Healthy, row.Status);
    }

    [Fact]
    public async Task SetStatusAsync_ByTheOwner_WritesStatusAndHealth()
    {
        var (store, _) = NewStore();
        await store.SaveAsync(Successor.Value, Connector(), ConnectorStatuses.Healthy, Ct);

        var written = await store.SetStatusAsync(Successor, Name.Value, ConnectorStatuses.Unhealthy, "search answered 503", Ct);

        Assert.True(written);
        var row = await store.GetAsync(Name.Value, Ct);
        Assert.Equal(ConnectorStatuses.Unhealthy, row!.Status);
        Assert.Equal("search answered 503", row.HealthDetails);
        Assert.Equal(Successor.Value, row.DatasetId);
    }

    [Fact]
    public async Task SetStatusAsync_NameTakenOverByAnotherDataset_ChangesNothing()
    {
        var (store, logs) = NewStore();
        await store.SaveAsync(Failed.Value, Connector(), ConnectorStatuses.Healthy, Ct);
        await store.SaveAsync(Successor.Value, Connector(), ConnectorStatuses.Healthy, Ct);

        var written = await store.SetStatusAsync(Failed, Name.Value, ConnectorStatuses.Retired, cancellationToken: Ct);

        Assert.False(written);
        var row = await store.GetAsync(Name.Value, Ct);
        Assert.Equal(ConnectorStatuses.Healthy, row!.Status);
        Assert.Equal(Successor.Value, row.DatasetId);
        Assert.Contains(Successor.Value, Assert.Single(logs.GetSnapshot()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetStatusAsync_NeverCreated_CreatesNothing()
    {
        var (store, _) = NewStore();

        var written = await store.SetStatusAsync(Failed, Name.Value, ConnectorStatuses.Paused, cancellationToken: Ct);

        Assert.False(written);
        Assert.Null(await store.GetAsync(Name.Value, Ct));
    }

    [Fact]
    public async Task SetStatusAsync_AChangeOfStatus_IsAuditedOnce_AndTheSameStatusAgainIsNot()
    {
        var h = new RegistryHarness(azurite);
        var store = new ConnectorStore(h.Tables, TimeProvider.System, h.Audit, new FakeLogger<ConnectorStore>());
        await store.SaveAsync(Failed.Value, Connector(), ConnectorStatuses.Healthy, Ct);

        Assert.True(await store.SetStatusAsync(Failed, Name.Value, ConnectorStatuses.Unhealthy, "2 of 3 sample queries failed", Ct));
        Assert.True(await store.SetStatusAsync(Failed, Name.Value, ConnectorStatuses.Unhealthy, "still failing", Ct));
        Assert.True(await store.SetStatusAsync(Failed, Name.Value, ConnectorStatuses.Healthy, "all sample queries answered", Ct));

        var changes = (await h.Audit.ReadAsync(Failed.Value, Ct)).Where(e => e.EventType == nameof(DataOps.Domain.Events.ConnectorHealthChanged)).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains("\"fromStatus\":\"healthy\",\"toStatus\":\"unhealthy\"", changes[0].Payload, StringComparison.Ordinal);
        Assert.Contains("2 of 3 sample queries failed", changes[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"toStatus\":\"healthy\"", changes[1].Payload, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await h.Tables.Connectors.GetEntityAsync<Azure.Data.Tables.TableEntity>(Name.Value, string.Empty, cancellationToken: Ct)).Value.GetString("PendingEvents"));
    }

    [Fact]
    public async Task SetStatusAsync_AChangeWhosePublicationFailed_IsPublishedByTheNextWrite()
    {
        var h = new RegistryHarness(azurite);
        var failing = new Moq.Mock<IDomainEventPublisher>();
        failing.Setup(p => p.PublishAsync(Moq.It.IsAny<IReadOnlyList<OutboxEvent>>(), Moq.It.IsAny<CancellationToken>())).Returns(Task.FromException(new InvalidOperationException("the audit log is down")));
        var broken = new ConnectorStore(h.Tables, TimeProvider.System, failing.Object, new FakeLogger<ConnectorStore>());
        var working = new ConnectorStore(h.Tables, TimeProvider.System, h.Audit, new FakeLogger<ConnectorStore>());
        await working.SaveAsync(Failed.Value, Connector(), ConnectorStatuses.Healthy, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => broken.SetStatusAsync(Failed, Name.Value, ConnectorStatuses.Paused, cancellationToken: Ct));
        Assert.DoesNotContain(await h.Audit.ReadAsync(Failed.Value, Ct), e => e.EventType == nameof(DataOps.Domain.Events.ConnectorHealthChanged));
        await working.SetStatusAsync(Failed, Name.Value, ConnectorStatuses.Paused, cancellationToken: Ct);

        var change = Assert.Single(await h.Audit.ReadAsync(Failed.Value, Ct), e => e.EventType == nameof(DataOps.Domain.Events.ConnectorHealthChanged));
        Assert.Contains("\"toStatus\":\"paused\"", change.Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Stage.Sandbox, ConnectorSyncMode.Manual)]
    [InlineData(Stage.Pilot, ConnectorSyncMode.Resync)]
    [InlineData(Stage.Production, ConnectorSyncMode.Probe)]
    public async Task SaveAsync_KeepsTheStagesSyncSchedule_WithNoSyncYet(Stage stage, ConnectorSyncMode mode)
    {
        var (store, _) = NewStore();
        await store.SaveAsync(Failed.Value, Connector() with { Stage = stage }, ConnectorStatuses.Healthy, Ct);

        var sync = (await store.GetOwnedAsync(Failed, Name, Ct))!.Sync;

        Assert.Equal(ConnectorSchedule.For(stage), sync.Schedule);
        Assert.Equal(mode, sync.Schedule.Mode);
        Assert.Null(sync.LastSyncedAt);
        Assert.Null(sync.LastOutcome);
        Assert.Equal(0, sync.RevisionFor(1));
    }

    [Fact]
    public async Task RecordSyncAsync_OwnRow_ReadsBackOnTheRecordAndInTheListing()
    {
        var (store, _) = NewStore();
        var connector = Connector() with { Stage = Stage.Pilot };
        await store.SaveAsync(Failed.Value, connector, ConnectorStatuses.Healthy, Ct);
        var recorded = new ConnectorSyncState(ConnectorSchedule.For(Stage.Pilot), RegistryHarness.T0, ConnectorSyncOutcome.Pushed, new string('a', 64), 2, 3, "sync-1");

        Assert.True(await store.RecordSyncAsync(Failed, Name.Value, recorded, Ct));

        Assert.Equal(recorded, (await store.GetOwnedAsync(Failed, Name, Ct))!.Sync);
        Assert.Equal(recorded, (await store.ListAsync(Ct)).Single(c => c.Connector.ConnectorName == Name.Value).Sync);
        Assert.Equal(3, recorded.RevisionFor(2));
        Assert.Equal(0, recorded.RevisionFor(3));
        Assert.Null(recorded.LastSyncedAtFor(3));
    }

    [Fact]
    public async Task RecordSyncAsync_RowNowServesAnotherDataset_WritesNothing()
    {
        var (store, _) = NewStore();
        await store.SaveAsync(Successor.Value, Connector(), ConnectorStatuses.Healthy, Ct);

        var written = await store.RecordSyncAsync(Failed, Name.Value, new ConnectorSyncState(ConnectorSchedule.Manual, RegistryHarness.T0, ConnectorSyncOutcome.Unchanged), Ct);

        Assert.False(written);
        Assert.Null((await store.GetOwnedAsync(Successor, Name, Ct))!.Sync.LastSyncedAt);
    }

    private (ConnectorStore Store, FakeLogCollector Logs) NewStore()
    {
        var logger = new FakeLogger<ConnectorStore>();
        var h = new RegistryHarness(azurite);
        return (new ConnectorStore(h.Tables, TimeProvider.System, h.Audit, logger), logger.Collector);
    }

    private static GleanConnector Connector() => new(
        Name.Value,
        "acmesandboxjira",
        DatasetType.JiraIssues,
        Stage.Sandbox,
        "Issue",
        "https://acme.example/.*",
        new Uri("https://acme.example/"),
        true,
        ["se@example.com"]);
}
