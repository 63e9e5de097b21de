using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Model;

namespace DataOps.Tests.Glean;

public sealed class ConnectorConfigTranslatorTests
{
    [Theory]
    [InlineData(Stage.Sandbox, true)]
    [InlineData(Stage.Pilot, true)]
    [InlineData(Stage.Production, false)]
    public void FromSpec_Stage_DecidesTestDatasource(Stage stage, bool isTest)
    {
        var connector = ConnectorConfigTranslator.FromSpec(new ConnectorSpec($"ACME-{stage.ToWireName()}-jira", DatasetType.JiraIssues, stage), ["se@example.com"]);

        Assert.Equal(isTest, connector.IsTestDatasource);
        Assert.Equal(isTest ? ["se@example.com"] : [], connector.BetaUsers);
    }

    [Theory]
    [InlineData(DatasetType.ConfluencePages)]
    [InlineData(DatasetType.GithubRepos)]
    [InlineData(DatasetType.SlackMessages)]
    [InlineData(DatasetType.JiraIssues)]
    [InlineData(DatasetType.Custom)]
    public void ToConfigThenFromConfig_RoundTripsTheConnector(DatasetType type)
    {
        var spec = new ConnectorSpec($"ACME-pilot-{ConnectorKinds.ToConnectorType(type).ToWireName()}", type, Stage.Pilot, new Uri("https://acme.example.com/x"));
        var connector = ConnectorConfigTranslator.FromSpec(spec, []);

        var config = ConnectorConfigTranslator.ToConfig(connector);
        var back = ConnectorConfigTranslator.FromConfig(config, []);

        Assert.Equal(connector, back! with { BetaUsers = connector.BetaUsers });
        Assert.Equal(connector.ConnectorName, config.DisplayName);
        Assert.NotEqual("UNCATEGORIZED", config.DatasourceCategory);
        Assert.Equal(connector.ObjectType, Assert.Single(config.ObjectDefinitions!).Name);
    }

    [Fact]
    public void FromConfig_ForeignDatasource_IsNull()
    {
        var config = new DataOps.Glean.Wire.CustomDatasourceConfig { Name = "other", DisplayName = "Someone else", UrlRegex = "^https://x/.*" };

        Assert.Null(ConnectorConfigTranslator.FromConfig(config, []));
    }
}
