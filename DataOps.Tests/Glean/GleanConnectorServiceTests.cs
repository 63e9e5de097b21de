using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Errors;
using DataOps.Glean.Model;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Glean;

/// <summary>Create, read, pause, disconnect, retire and count against the emulator over real HTTP.</summary>
public sealed class GleanConnectorServiceTests(GleanSharedEmulator shared) : IAsyncLifetime, IClassFixture<GleanSharedEmulator>
{
    private GleanEmulatorFixture _emulator = null!;
    private GleanAdapterHarness _adapter = null!;

    private IGleanConnectorService Service => _adapter.Service;

    public async ValueTask InitializeAsync()
    {
        _emulator = await shared.ResetAsync();
        _adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["BetaUsers"] = "se@example.com" });
    }

    public ValueTask DisposeAsync() => _adapter.DisposeAsync();

    private Task<GleanConnector> CreateAsync(DatasetType type = DatasetType.ConfluencePages, Stage stage = Stage.Sandbox, string client = "ACME") =>
        Service.CreateConnectorAsync(
            new ConnectorSpec($"{client}-{stage.ToWireName()}-{ConnectorKinds.ToConnectorType(type).ToWireName()}", type, stage, new Uri("https://acme.example.com/")),
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task CreateConnector_Sandbox_RegistersATestDatasourceWithBetaUsers()
    {
        var connector = await CreateAsync();

        var view = await _emulator.GetDatasourceAsync("acmesandboxconfluence");
        Assert.Equal("acmesandboxconfluence", connector.DatasourceName);
        Assert.NotNull(view);
        Assert.Equal("ACME-sandbox-confluence", view.Config.DisplayName);
        Assert.True(view.Config.IsTestDatasource);
        Assert.Equal([GleanEmulatorFixture.SearchUser, "se@example.com"], view.BetaUsers);
        Assert.Equal("ENABLED_FOR_TEST_GROUP", view.Visibility);
    }

    [Fact]
    public async Task CreateConnector_Production_IsVisibleToAll()
    {
        await CreateAsync(DatasetType.JiraIssues, Stage.Production);

        var view = await _emulator.GetDatasourceAsync("acmeproductionjira");
        Assert.Equal("ENABLED_FOR_ALL", view!.Visibility);
    }

    [Fact]
    public async Task CreateConnector_Twice_IsIdempotent()
    {
        var first = await CreateAsync();
        var second = await CreateAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task CreateConnector_NameCollidingWithAnotherConnector_ThrowsConflict()
    {
        await CreateAsync(client: "AC-ME");

        var error = await Assert.ThrowsAsync<GleanConflictException>(() => CreateAsync(client: "ACME"));

        Assert.Contains("AC-ME-sandbox-confluence", error.Message, StringComparison.Ordinal);
        Assert.Equal("AC-ME-sandbox-confluence", (await _emulator.GetDatasourceAsync("acmesandboxconfluence"))!.Config.DisplayName);
    }

    [Fact]
    public async Task GetConnector_AfterCreate_ReadsTheSameConnectorBack()
    {
        var created = await CreateAsync(DatasetType.SlackMessages, Stage.Pilot);

        var read = await Service.GetConnectorAsync(created.ConnectorName, TestContext.Current.CancellationToken);

        Assert.Equal(created with { BetaUsers = [] }, read);
    }

    [Fact]
    public async Task GetConnector_Unknown_IsNull() =>
        Assert.Null(await Service.GetConnectorAsync("NOPE-sandbox-jira", TestContext.Current.CancellationToken));

    [Fact]
    public async Task Pause_CallsNothing_AndReturnsARecord()
    {
        var connector = await CreateAsync();
        await _emulator.ClearRequestsAsync();

        var pause = Service.Pause(connector);

        Assert.Equal(connector.ConnectorName, pause.ConnectorName);
        Assert.Empty(await _emulator.GetRequestsAsync());
    }

    [Fact]
    public async Task Disconnect_Connector_BecomesInvisibleToEveryone()
    {
        var connector = await CreateAsync(DatasetType.GithubRepos, Stage.Production);

        await Service.DisconnectAsync(connector, TestContext.Current.CancellationToken);

        var view = (await _emulator.GetDatasourceAsync(connector.DatasourceName))!;
        Assert.True(view.Config.IsTestDatasource);
        Assert.Empty(view.BetaUsers);
        Assert.Equal("NOT_ENABLED", view.Visibility);
    }

    [Fact]
    public async Task EmptyAndRetire_PopulatedConnector_LeavesNoDocument()
    {
        var connector = await CreateAsync(DatasetType.SlackMessages);
        await Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.SlackMessages, 40), TestContext.Current.CancellationToken);

        var retirement = await Service.EmptyAndRetireAsync(connector, "ds-1", TestContext.Current.CancellationToken);

        Assert.True(retirement.Verified);
        Assert.Equal(0, (await Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken)).Indexed);
        var last = (await _emulator.GetDatasourceAsync(connector.DatasourceName))!.Uploads[^1];
        Assert.Equal("dataops-ds-1-retire", last.UploadId);
        Assert.True(Assert.Single(last.Pages).DisableStaleDocumentDeletionCheck);
    }

    [Fact]
    public async Task EmptyAndRetire_Twice_IsIdempotent()
    {
        var connector = await CreateAsync(DatasetType.SlackMessages);
        await Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.SlackMessages, 5), TestContext.Current.CancellationToken);

        await Service.EmptyAndRetireAsync(connector, "ds-1", TestContext.Current.CancellationToken);
        var again = await Service.EmptyAndRetireAsync(connector, "ds-1", TestContext.Current.CancellationToken);

        Assert.True(again.Verified);
    }

    [Fact]
    public async Task EmptyAndRetire_ADatasourceGleanNoLongerHas_HasNothingToEmpty()
    {
        // The connector as the registry remembers it; Glean has lost (or an administrator removed) its datasource.
        var connector = await CreateAsync(DatasetType.JiraIssues) with { DatasourceName = "acmesandboxjiragone", ConnectorName = "ACME-sandbox-jiragone" };
        await _emulator.ClearRequestsAsync();

        var retirement = await Service.EmptyAndRetireAsync(connector, "ds-gone", TestContext.Current.CancellationToken);

        // The upload is refused (400), and asking Glean for the datasource's configuration confirms it is gone.
        Assert.True(retirement.Verified);
        Assert.Equal(
            ["/api/index/v1/bulkindexdocuments 400", "/api/index/v1/getdatasourceconfig 400"],
            (await _emulator.GetRequestsAsync()).Select(r => $"{r.Path} {r.Status}"));
    }

    [Fact]
    public async Task GetDocumentCount_AfterPopulate_CountsUploadedAndIndexed()
    {
        var connector = await CreateAsync(DatasetType.GithubRepos);
        await Service.PopulateAsync(connector, "ds-1", 1, GleanRecords.Create(DatasetType.GithubRepos, 12), TestContext.Current.CancellationToken);

        var count = await Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken);

        Assert.Equal(new ConnectorDocumentCount(12, 12), count);
    }
}
