using DataOps.Domain.Common;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using DataOps.Domain.Templates;
using static DataOps.Tests.Domain.Builders;
using DatasetAggregate = DataOps.Domain.Datasets.Dataset;

namespace DataOps.Tests.Domain.Datasets;

public sealed class DatasetTests
{
    [Fact]
    public void Register_ConventionalOverload_DerivesNameSourceAndConnector()
    {
        var dataset = Dataset().ForClient("client-9", "ACME").InStage(Stage.Sandbox).OfType(DatasetType.GithubRepos).Build();

        Assert.Equal(DatasetStatus.Provisioning, dataset.Status);
        Assert.Equal("ACME-sandbox-github_repos", dataset.Name.Value);
        Assert.Equal("ACME-sandbox-github", dataset.ConnectorName.Value);
        Assert.Equal(DataSource.MockTemplate, dataset.DataSource);
        Assert.Equal(T0, dataset.CreatedAt);
        Assert.Equal(T0, dataset.UpdatedAt);
        Assert.Equal(T0, dataset.ProvisioningStartedAt);
        Assert.Equal(1, dataset.Attempt);
        Assert.True(dataset.IsActive);
    }

    [Fact]
    public void Register_NewDataset_RaisesProvisioningStartedWithSeedFields()
    {
        var dataset = Dataset().Build();

        var started = Assert.IsType<DatasetProvisioningStarted>(Assert.Single(dataset.DomainEvents));
        Assert.Equal(dataset.Id, started.DatasetId);
        Assert.Equal(dataset.JourneyId, started.JourneyId);
        Assert.Equal(dataset.ClientId, started.ClientId);
        Assert.Equal(dataset.TemplateId, started.TemplateId);
        Assert.Equal(Stage.Sandbox, started.Stage);
        Assert.Equal(DatasetType.ConfluencePages, started.DatasetType);
        Assert.Equal("ACME-sandbox-confluence", started.ConnectorName.Value);
        Assert.Equal(1, started.Attempt);
        Assert.Equal(T0, started.OccurredAt);
        Assert.Equal("DatasetProvisioningStarted", started.EventType);
        Assert.Equal(DomainEventIds.Derive("ds-1", "DatasetProvisioningStarted", 0), started.EventId);
        Assert.Equal(1, dataset.EventSequence);
    }

    [Theory]
    [InlineData(Stage.Pilot, DataSource.SanitizedExport)]
    [InlineData(Stage.Production, DataSource.None)]
    public void Register_NonSandboxWithoutTemplate_Accepted(Stage stage, DataSource expected)
    {
        var dataset = Dataset().InStage(stage).Build();

        Assert.Null(dataset.TemplateId);
        Assert.Equal(expected, dataset.DataSource);
    }

    [Fact]
    public void Register_SandboxWithoutTemplate_ThrowsNamingTemplateId()
    {
        var ex = Assert.Throws<DomainValidationException>(() => DatasetAggregate.Register(
            DatasetId.Create("d"), ClientId.Create("c"), ClientName.Create("ACME"), JourneyId.Create("j"), Stage.Sandbox, DatasetType.JiraIssues, null, T0));

        Assert.Equal("templateId", ex.Field);
    }

    [Fact]
    public void Register_DataSourceNotOfStage_Throws()
    {
        var ex = Assert.Throws<DomainValidationException>(() => RegisterFull(dataSource: DataSource.MockTemplate, stage: Stage.Pilot, connector: "ACME-pilot-jira"));

        Assert.Equal("dataSource", ex.Field);
        Assert.Contains("a pilot dataset takes sanitized_export data", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ACME-pilot-jira")]
    [InlineData("OTHER-sandbox-jira")]
    [InlineData("ACME-sandbox-slack")]
    public void Register_ConnectorNameNotConventional_Throws(string connector)
    {
        var ex = Assert.Throws<DomainValidationException>(() => RegisterFull(connector: connector));

        Assert.Equal("connectorName", ex.Field);
        Assert.Contains("ACME-sandbox-jira", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_FullOverloadConsistent_Accepted()
        => Assert.Equal(DatasetStatus.Provisioning, RegisterFull().Status);

    [Fact]
    public void Register_DefaultIds_ThrowNamingField()
    {
        Assert.Equal("datasetId", Assert.Throws<DomainValidationException>(() => RegisterFull(id: default(DatasetId))).Field);
        Assert.Equal("clientName", Assert.Throws<DomainValidationException>(() => DatasetAggregate.Register(
            DatasetId.Create("d"), ClientId.Create("c"), default, JourneyId.Create("j"), Stage.Pilot, DatasetType.JiraIssues, null, T0)).Field);
    }

    [Fact]
    public void Register_UndefinedEnum_Throws()
        => Assert.Equal("datasetType", Assert.Throws<DomainValidationException>(() => RegisterFull(type: (DatasetType)77)).Field);

    [Fact]
    public void RecordPopulation_WhileProvisioning_StoresCountsWithoutEvents()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Provisioning);

        dataset.RecordPopulation(500, 4096, T0.AddMinutes(3));

        Assert.Equal(500, dataset.RecordCount);
        Assert.Equal(4096, dataset.SizeBytes);
        Assert.Equal(T0.AddMinutes(3), dataset.UpdatedAt);
        Assert.Empty(dataset.DomainEvents);
    }

    [Fact]
    public void RecordPopulation_SameValues_ChangesNothing()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Provisioning);
        dataset.RecordPopulation(500, 4096, T0.AddMinutes(3));

        dataset.RecordPopulation(500, 4096, T0.AddMinutes(9));

        Assert.Equal(T0.AddMinutes(3), dataset.UpdatedAt);
    }

    [Fact]
    public void RecordResync_WhileReady_StoresCountsAndStaysReady()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Ready);
        dataset.ClearDomainEvents();

        dataset.RecordResync(7, 2048, T0.AddHours(2));

        Assert.Equal(DatasetStatus.Ready, dataset.Status);
        Assert.Equal(7, dataset.RecordCount);
        Assert.Equal(2048, dataset.SizeBytes);
        Assert.Equal(T0.AddHours(2), dataset.UpdatedAt);
        Assert.Empty(dataset.DomainEvents);
    }

    [Theory]
    [InlineData(DatasetStatus.Provisioning)]
    [InlineData(DatasetStatus.Validating)]
    [InlineData(DatasetStatus.Teardown)]
    public void RecordResync_NotReady_Throws(DatasetStatus status)
        => Assert.Throws<InvalidDatasetTransitionException>(() => Dataset().BuildIn(status).RecordResync(7, 2048, T0.AddHours(2)));

    [Theory]
    [InlineData(-1, 0, "recordCount")]
    [InlineData(0, -1, "sizeBytes")]
    public void RecordPopulation_Negative_Throws(long records, long bytes, string field)
        => Assert.Equal(field, Assert.Throws<DomainValidationException>(() => Dataset().BuildIn(DatasetStatus.Provisioning).RecordPopulation(records, bytes, T0)).Field);

    [Fact]
    public void StartValidation_AlreadyValidating_NoChange()
    {
        var dataset = Dataset().BuildIn(DatasetStatus.Validating);
        var updated = dataset.UpdatedAt;

        dataset.StartValidation(T0.AddDays(1));

        Assert.Equal(updated, dataset.UpdatedAt);
        Assert.Empty(dataset.DomainEvents);
    }

    private static DatasetAggregate RegisterFull(
        DatasetId? id = null,
        DatasetType type = DatasetType.JiraIssues,
        Stage stage = Stage.Sandbox,
        DataSource dataSource = DataSource.MockTemplate,
        string connector = "ACME-sandbox-jira")
        => DatasetAggregate.Register(
            id ?? DatasetId.Create("d"),
            DatasetName.Create("Jira for ACME"),
            type,
            stage,
            ClientId.Create("c"),
            ClientName.Create("ACME"),
            JourneyId.Create("j"),
            TemplateId.Create("t"),
            dataSource,
            ConnectorName.Create(connector),
            T0);
}
