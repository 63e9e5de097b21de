using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Tests.Domain.Datasets;

public sealed class StageDataRulesTests
{
    [Theory]
    [InlineData(Stage.Sandbox, DataSource.MockTemplate, true, true)]
    [InlineData(Stage.Pilot, DataSource.SanitizedExport, true, false)]
    [InlineData(Stage.Production, DataSource.None, false, false)]
    public void DataSourceFor_EachStage_FollowsStageRule(Stage stage, DataSource expected, bool populated, bool needsTemplate)
    {
        Assert.Equal(expected, StageDataRules.DataSourceFor(stage));
        Assert.Equal(populated, StageDataRules.IsPopulatedByProduct(stage));
        Assert.Equal(needsTemplate, StageDataRules.RequiresTemplate(stage));
    }

    [Fact]
    public void DataSourceFor_UndefinedStage_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => StageDataRules.DataSourceFor((Stage)7));

    [Theory]
    [InlineData(DatasetType.ConfluencePages, 500)]
    [InlineData(DatasetType.GithubRepos, 50)]
    [InlineData(DatasetType.SlackMessages, 2000)]
    [InlineData(DatasetType.JiraIssues, 300)]
    public void RecordCountFor_NoTemplateOverride_UsesTypeDefault(DatasetType type, int expected)
    {
        Assert.Equal(expected, StageDataRules.DefaultRecordCount(type));
        Assert.Equal(expected, StageDataRules.RecordCountFor(type, null));
    }

    [Fact]
    public void RecordCountFor_TemplateOverride_Wins()
        => Assert.Equal(120, StageDataRules.RecordCountFor(DatasetType.SlackMessages, 120));

    [Fact]
    public void RecordCountFor_CustomWithTemplateCount_UsesTemplate()
        => Assert.Equal(42, StageDataRules.RecordCountFor(DatasetType.Custom, 42));

    [Fact]
    public void RecordCountFor_CustomWithoutTemplateCount_Throws()
    {
        Assert.Null(StageDataRules.DefaultRecordCount(DatasetType.Custom));
        Assert.Equal("defaultRecordCount", Assert.Throws<DomainValidationException>(() => StageDataRules.RecordCountFor(DatasetType.Custom, null)).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void RecordCountFor_NonPositiveOverride_Throws(int count)
        => Assert.Throws<DomainValidationException>(() => StageDataRules.RecordCountFor(DatasetType.JiraIssues, count));
}
