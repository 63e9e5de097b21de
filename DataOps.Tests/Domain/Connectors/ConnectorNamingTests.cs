using DataOps.Domain.Common;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;

namespace DataOps.Tests.Domain.Connectors;

public sealed class ConnectorNamingTests
{
    [Theory]
    [InlineData("ACME", Stage.Sandbox, ConnectorType.Confluence, "ACME-sandbox-confluence")]
    [InlineData("ACME", Stage.Pilot, ConnectorType.Jira, "ACME-pilot-jira")]
    [InlineData("Big-Co", Stage.Production, ConnectorType.Github, "Big-Co-production-github")]
    [InlineData("Acme Corp", Stage.Sandbox, ConnectorType.Slack, "Acme Corp-sandbox-slack")]
    [InlineData("x", Stage.Sandbox, ConnectorType.Custom, "x-sandbox-custom")]
    public void For_ClientStageType_FollowsConvention(string client, Stage stage, ConnectorType type, string expected)
        => Assert.Equal(expected, ConnectorNaming.For(ClientName.Create(client), stage, type).Value);

    [Theory]
    [InlineData(DatasetType.ConfluencePages, "ACME-sandbox-confluence")]
    [InlineData(DatasetType.GithubRepos, "ACME-sandbox-github")]
    [InlineData(DatasetType.SlackMessages, "ACME-sandbox-slack")]
    [InlineData(DatasetType.JiraIssues, "ACME-sandbox-jira")]
    [InlineData(DatasetType.Custom, "ACME-sandbox-custom")]
    public void For_DatasetType_UsesShortConnectorType(DatasetType type, string expected)
        => Assert.Equal(expected, ConnectorNaming.For(ClientName.Create("ACME"), Stage.Sandbox, type).Value);

    [Fact]
    public void For_DefaultClientName_Throws()
        => Assert.Throws<ArgumentException>(() => ConnectorNaming.For(default, Stage.Sandbox, ConnectorType.Jira));

    [Fact]
    public void For_Result_ExposesParts()
    {
        var name = ConnectorNaming.For(ClientName.Create("Big-Co"), Stage.Pilot, ConnectorType.Slack);

        Assert.Equal("Big-Co", name.ClientName.Value);
        Assert.Equal(Stage.Pilot, name.Stage);
        Assert.Equal(ConnectorType.Slack, name.ConnectorType);
    }

    [Theory]
    [InlineData("ACME-sandbox-confluence", "ACME", Stage.Sandbox, ConnectorType.Confluence)]
    [InlineData("my-client-co-production-jira", "my-client-co", Stage.Production, ConnectorType.Jira)]
    public void ConnectorNameCreate_WellFormed_ParsesFromTheEnd(string value, string client, Stage stage, ConnectorType type)
    {
        var name = ConnectorName.Create(value);

        Assert.Equal(value, name.Value);
        Assert.Equal(client, name.ClientName.Value);
        Assert.Equal(stage, name.Stage);
        Assert.Equal(type, name.ConnectorType);
        Assert.Equal(name, ConnectorNaming.For(name.ClientName, stage, type));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("ACME", "must have the form")]
    [InlineData("ACME-sandbox", "must have the form")]
    [InlineData("-sandbox-jira", "must have the form")]
    [InlineData("ACME-sandbox-gdrive", "known connector type")]
    [InlineData("ACME-sandbox-Jira", "known connector type")]
    [InlineData("ACME-staging-jira", "known stage")]
    [InlineData("ACME-Sandbox-jira", "known stage")]
    [InlineData("AC'ME-sandbox-jira", "client part may contain only")]
    [InlineData("ACME#1-sandbox-jira", "'#'")]
    [InlineData("ACME/x-sandbox-jira", "'/'")]
    public void ConnectorNameTryCreate_Malformed_ReturnsReason(string value, string expected)
    {
        Assert.False(ConnectorName.TryCreate(value, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectorNameCreate_OverLong_ThrowsNamingField()
    {
        var ex = Assert.Throws<DomainValidationException>(() => ConnectorName.Create(new string('A', 90) + "-sandbox-jira"));

        Assert.Equal("connectorName", ex.Field);
    }

    [Theory]
    [InlineData(DatasetType.ConfluencePages, ConnectorType.Confluence)]
    [InlineData(DatasetType.GithubRepos, ConnectorType.Github)]
    [InlineData(DatasetType.SlackMessages, ConnectorType.Slack)]
    [InlineData(DatasetType.JiraIssues, ConnectorType.Jira)]
    [InlineData(DatasetType.Custom, ConnectorType.Custom)]
    public void Mapping_EachType_RoundTrips(DatasetType datasetType, ConnectorType connectorType)
    {
        Assert.Equal(connectorType, datasetType.ToConnectorType());
        Assert.Equal(datasetType, connectorType.ToDatasetType());
    }

    [Fact]
    public void Mapping_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((DatasetType)99).ToConnectorType());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ConnectorType)99).ToDatasetType());
    }
}
