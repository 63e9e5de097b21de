using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Registry;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Functions.Registry;

public sealed class DatasetRegistryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = RegistryHarness.T0;

    [Fact]
    public async Task RegisterAsync_NewDataset_StoresItAndPublishesProvisioningStartedOnce()
    {
        var h = new RegistryHarness(azurite);
        var dataset = RegistryHarness.NewDataset("ds-1");

        var record = await h.Registry.RegisterAsync(dataset, TestContext.Current.CancellationToken);

        var loaded = await h.Registry.GetAsync(DatasetId.Create("ds-1"), TestContext.Current.CancellationToken);
        Assert.NotNull(loaded);
        Assert.Equal(DatasetStatus.Provisioning, loaded.Dataset.Status);
        Assert.Equal("ACME-sandbox-confluence", loaded.Dataset.ConnectorName.Value);
        Assert.Equal(record.ETag, loaded.ETag);
        var audit = await h.Audit.ReadAsync("ds-1", TestContext.Current.CancellationToken);
        Assert.Equal(["DatasetProvisioningStarted"], audit.Select(a => a.EventType));
        var messages = await h.DrainEventsAsync();
        Assert.Single(messages);
        Assert.Contains("\"datasetId\":\"ds-1\"", messages[0], StringComparison.Ordinal);
        Assert.Contains("\"stage\":\"sandbox\"", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_SameDatasetTwice_ReturnsStoredOneWithoutDuplicateEvents()
    {
        var h = new RegistryHarness(azurite);
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), TestContext.Current.CancellationToken);

        var again = await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), TestContext.Current.CancellationToken);

        Assert.Equal("ds-1", again.Dataset.Id.Value);
        Assert.Single(await h.Audit.ReadAsync("ds-1", TestContext.Current.CancellationToken));
        Assert.Single(await h.DrainEventsAsync());
    }

    [Fact]
    public async Task RegisterAsync_SlotHeldByAnotherDataset_ThrowsAndLeavesNothingBehind()
    {
        var h = new RegistryHarness(azurite);
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), TestContext.Current.CancellationToken);
        var claimsBefore = await RegistryHarness.CountRowsAsync(h.Tables.Claims);
        await h.DrainEventsAsync();

        var ex = await Assert.ThrowsAsync<DatasetClaimConflictException>(() => h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-2", journey: "j-2"), TestContext.Current.CancellationToken));

        Assert.Equal("ds-1", ex.HolderDatasetId);
        Assert.Null(await h.Registry.GetAsync(DatasetId.Create("ds-2"), TestContext.Current.CancellationToken));
        Assert.Equal(claimsBefore, await RegistryHarness.CountRowsAsync(h.Tables.Claims));
        Assert.Empty(await h.Audit.ReadAsync("ds-2", TestContext.Current.CancellationToken));
        Assert.Empty(await h.DrainEventsAsync());
    }

    [Fact]
    public async Task RegisterAsync_ConnectorNameHeldInOtherCase_ThrowsAndReleasesTheSlot()
    {
        var h = new RegistryHarness(azurite);
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1", client: "acme-1", clientName: "ACME"), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DatasetClaimConflictException>(() => h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-2", client: "acme-2", clientName: "acme"), TestContext.Current.CancellationToken));

        Assert.Null(await h.Registry.FindSlotHolderAsync(ClientId.Create("acme-2"), Stage.Sandbox, DatasetType.ConfluencePages, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReleaseClaimsAsync_AfterFailure_FreesTheSlotButKeepsTheConnectorNameUntilArchived()
    {
        var ct = TestContext.Current.CancellationToken;
        var h = new RegistryHarness(azurite);
        var record = await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), ct);
        record.Dataset.MarkFailed("connector creation failed", [], T0.AddMinutes(1));
        record = await h.Registry.SaveAsync(record, ct);

        await h.Registry.ReleaseClaimsAsync(record.Dataset, ct);
        await h.Registry.ReleaseClaimsAsync(record.Dataset, ct);

        Assert.Null(await h.Registry.FindSlotHolderAsync(ClientId.Create("acme"), Stage.Sandbox, DatasetType.ConfluencePages, ct));
        var conflict = await Assert.ThrowsAsync<DatasetClaimConflictException>(() => h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-2"), ct));
        Assert.Equal("ds-1", conflict.HolderDatasetId);
        Assert.Contains("Connector name", conflict.Message, StringComparison.Ordinal);
        Assert.Null(await h.Registry.FindSlotHolderAsync(ClientId.Create("acme"), Stage.Sandbox, DatasetType.ConfluencePages, ct));

        record.Dataset.StartTeardown(TeardownReason.Manual, T0.AddMinutes(2));
        record.Dataset.Archive("dataset-archives/acme/ds-1/", 0, T0.AddMinutes(3));
        record = await h.Registry.SaveAsync(record, ct);
        await h.Registry.ReleaseClaimsAsync(record.Dataset, ct);
        var second = await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-2"), ct);

        Assert.Equal("ds-2", second.Dataset.Id.Value);
        Assert.Equal("ds-2", (await h.Registry.FindSlotHolderAsync(ClientId.Create("acme"), Stage.Sandbox, DatasetType.ConfluencePages, ct))?.Value);
    }

    [Fact]
    public async Task ReclaimAsync_FailedDataset_TakesItsSlotAgainUnlessAnotherDatasetHoldsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var h = new RegistryHarness(azurite);
        var record = await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), ct);
        record.Dataset.MarkFailed("connector creation failed", [], T0.AddMinutes(1));
        record = await h.Registry.SaveAsync(record, ct);
        await h.Registry.ReleaseClaimsAsync(record.Dataset, ct);

        await h.Registry.ReclaimAsync(record.Dataset, ct);
        await h.Registry.ReclaimAsync(record.Dataset, ct);
        Assert.Equal("ds-1", (await h.Registry.FindSlotHolderAsync(ClientId.Create("acme"), Stage.Sandbox, DatasetType.ConfluencePages, ct))?.Value);

        // The same client under another name (so another connector name) takes the slot while ds-1 is failed again.
        await h.Registry.ReleaseClaimsAsync(record.Dataset, ct);
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-2", clientName: "ACME Health"), ct);
        var conflict = await Assert.ThrowsAsync<DatasetClaimConflictException>(() => h.Registry.ReclaimAsync(record.Dataset, ct));
        Assert.Equal("ds-2", conflict.HolderDatasetId);
    }

    [Fact]
    public async Task SaveAsync_StaleRecord_ThrowsConcurrencyAndKeepsTheWinner()
    {
        var h = new RegistryHarness(azurite);
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), TestContext.Current.CancellationToken);
        var first = (await h.Registry.GetAsync(DatasetId.Create("ds-1"), TestContext.Current.CancellationToken))!;
        var second = (await h.Registry.GetAsync(DatasetId.Create("ds-1"), TestContext.Current.CancellationToken))!;
        first.Dataset.StartValidation(T0.AddMinutes(1));
        await h.Registry.SaveAsync(first, TestContext.Current.CancellationToken);

        second.Dataset.MarkFailed("late writer", [], T0.AddMinutes(2));
        await Assert.ThrowsAsync<RegistryConcurrencyException>(() => h.Registry.SaveAsync(second, TestContext.Current.CancellationToken));

        var stored = await h.Registry.GetAsync(DatasetId.Create("ds-1"), TestContext.Current.CancellationToken);
        Assert.Equal(DatasetStatus.Validating, stored!.Dataset.Status);
    }

    [Fact]
    public async Task SaveAsync_PublisherFailsAfterTheRowIsSaved_NextLoadPublishesEachEventExactlyOnce()
    {
        var flaky = new FlakyPublisher();
        var h = new RegistryHarness(azurite, flaky);
        flaky.Inner = h.Audit;
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), TestContext.Current.CancellationToken);
        var record = (await h.Registry.GetAsync(DatasetId.Create("ds-1"), TestContext.Current.CancellationToken))!;
        record.Dataset.StartValidation(T0.AddMinutes(1));
        record.Dataset.MarkReady(PassingScore(T0.AddMinutes(2)), T0.AddMinutes(2));
        flaky.FailNext = true;

        await Assert.ThrowsAsync<IOException>(() => h.Registry.SaveAsync(record, TestContext.Current.CancellationToken));
        var reloaded = await h.Registry.GetAsync(DatasetId.Create("ds-1"), TestContext.Current.CancellationToken);
        await h.Registry.GetAsync(DatasetId.Create("ds-1"), TestContext.Current.CancellationToken);

        Assert.Equal(DatasetStatus.Ready, reloaded!.Dataset.Status);
        var types = (await h.Audit.ReadAsync("ds-1", TestContext.Current.CancellationToken)).Select(a => a.EventType).ToList();
        Assert.Equal(["DatasetProvisionCompleted", "DatasetProvisioningStarted", "DatasetReady", "DatasetValidationStarted"], types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SaveAsync_ProductionScore_ReloadsWithSchemaAndCompletenessNotApplicable()
    {
        var h = new RegistryHarness(azurite);
        var ct = TestContext.Current.CancellationToken;
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-prod", stage: Stage.Production), ct);
        var record = (await h.Registry.GetAsync(DatasetId.Create("ds-prod"), ct))!;
        record.Dataset.StartValidation(T0.AddMinutes(1));
        var score = QualityScore.Create(null, null, 100, 100, 100, [], meetsReadyRule: true, T0.AddMinutes(2));
        record.Dataset.MarkReady(score, T0.AddMinutes(2));

        await h.Registry.SaveAsync(record, ct);
        var reloaded = (await h.Registry.GetAsync(DatasetId.Create("ds-prod"), ct))!.Dataset.QualityScore!;
        var row = (await h.Tables.Datasets.GetEntityAsync<Azure.Data.Tables.TableEntity>("ds-prod", string.Empty, cancellationToken: ct)).Value;

        Assert.Equal(score, reloaded);
        Assert.Equal([QualityCheckType.Schema, QualityCheckType.Completeness], reloaded.NotApplicableChecks);
        Assert.False(row.ContainsKey("QualitySchema"));
        Assert.Equal(100, row.GetDouble("QualitySampleQueries"));
    }

    [Fact]
    public async Task SaveAsync_EveryCheckApplies_RowHoldsTheFourScoresAsBeforeAndReloadsThem()
    {
        var h = new RegistryHarness(azurite);
        var ct = TestContext.Current.CancellationToken;
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-old"), ct);
        var record = (await h.Registry.GetAsync(DatasetId.Create("ds-old"), ct))!;
        record.Dataset.StartValidation(T0.AddMinutes(1));
        record.Dataset.MarkReady(PassingScore(T0.AddMinutes(2)), T0.AddMinutes(2));
        await h.Registry.SaveAsync(record, ct);

        var reloaded = (await h.Registry.GetAsync(DatasetId.Create("ds-old"), ct))!.Dataset.QualityScore!;
        var row = (await h.Tables.Datasets.GetEntityAsync<Azure.Data.Tables.TableEntity>("ds-old", string.Empty, cancellationToken: ct)).Value;

        Assert.All(["QualitySchema", "QualityCompleteness", "QualityConnectorHealth", "QualitySampleQueries"], column => Assert.Equal(100, row.GetDouble(column)));
        Assert.Equal(PassingScore(T0.AddMinutes(2)), reloaded);
        Assert.Empty(reloaded.NotApplicableChecks);
    }

    [Fact]
    public async Task ListAsync_ByClientOverSeveralPages_ReturnsEveryDatasetOnce()
    {
        var h = new RegistryHarness(azurite);
        var types = Enum.GetValues<DatasetType>();
        var stages = Enum.GetValues<Stage>();
        var expected = new List<string>();
        foreach (var stage in stages)
        {
            foreach (var type in types)
            {
                var id = $"ds-{stage.ToWireName()}-{type.ToWireName()}";
                expected.Add(id);
                await h.Registry.RegisterAsync(RegistryHarness.NewDataset(id, stage: stage, type: type), TestContext.Current.CancellationToken);
            }
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await h.Registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create("acme"), PageSize = 4, ContinuationToken = token }, TestContext.Current.CancellationToken);
            seen.AddRange(page.Items.Select(i => i.Id.Value));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.True(pages > 1);
        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_ByStatusAfterTransition_FindsTheDatasetOnlyUnderItsNewStatus()
    {
        var h = new RegistryHarness(azurite);
        var record = await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), TestContext.Current.CancellationToken);
        record.Dataset.StartValidation(T0.AddMinutes(1));
        await h.Registry.SaveAsync(record, TestContext.Current.CancellationToken);

        var provisioning = await h.Registry.ListAsync(new DatasetQuery { Status = DatasetStatus.Provisioning }, TestContext.Current.CancellationToken);
        var validating = await h.Registry.ListAsync(new DatasetQuery { Status = DatasetStatus.Validating, Stage = Stage.Sandbox }, TestContext.Current.CancellationToken);
        var byJourney = await h.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("j-1"), Status = DatasetStatus.Validating }, TestContext.Current.CancellationToken);

        Assert.Empty(provisioning.Items);
        Assert.Equal(["ds-1"], validating.Items.Select(i => i.Id.Value));
        Assert.Equal(["ds-1"], byJourney.Items.Select(i => i.Id.Value));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("djI6eHh4")]
    public async Task ListAsync_ForeignContinuationToken_ThrowsArgumentException(string token)
    {
        var h = new RegistryHarness(azurite);

        await Assert.ThrowsAsync<ArgumentException>(() => h.Registry.ListAsync(new DatasetQuery { ContinuationToken = token }, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task ListAsync_PageSizeOutOfRange_ThrowsArgumentException(int pageSize)
    {
        var h = new RegistryHarness(azurite);

        await Assert.ThrowsAsync<ArgumentException>(() => h.Registry.ListAsync(new DatasetQuery { PageSize = pageSize }, TestContext.Current.CancellationToken));
    }

    private static QualityScore PassingScore(DateTimeOffset at)
        => QualityScore.Create(100, 100, 100, 100, 100, [], meetsReadyRule: true, at);

    private sealed class FlakyPublisher : IDomainEventPublisher
    {
        public AuditLog? Inner { get; set; }

        public bool FailNext { get; set; }

        public Task PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("queue unreachable");
            }

            return Inner!.PublishAsync(events, cancellationToken);
        }
    }
}
