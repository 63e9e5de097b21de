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

    private (ConnectorStore Store, FakeLogCollector Logs) NewStore()
    {
        var logger = new FakeLogger<ConnectorStore>();
        return (new ConnectorStore(new RegistryHarness(azurite).Tables, TimeProvider.System, logger), logger.Collector);
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
