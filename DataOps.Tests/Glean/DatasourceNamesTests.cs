
using DataOps.Glean.Model;
namespace DataOps.Tests.Glean;

public sealed class DatasourceNamesTests
{
    [Theory]
    [InlineData("ACME-sandbox-confluence", "acmesandboxconfluence")]
    [InlineData("Acme Corp-pilot-jira", "acmecorppilotjira")]
    [InlineData("x1-production-github", "x1productiongithub")]
    [InlineData("Zürich-sandbox-slack", "zrichsandboxslack")]
    public void From_ConnectorName_KeepsLowerCaseLettersAndDigits(string connector, string expected)
    {
        var name = DatasourceNames.From(connector);

        Assert.Equal(expected, name);
        Assert.True(DatasourceNames.IsValid(name));
    }

    [Fact]
    public void From_LongName_IsShortenedWithAStableHash()
    {
        var longA = new string('a', 60) + "-sandbox-confluence";
        var longB = new string('a', 60) + "-sandbox-jira";

        var a = DatasourceNames.From(longA);

        Assert.Equal(DatasourceNames.MaxLength - 1, a.Length);
        Assert.Equal(a, DatasourceNames.From(longA));
        Assert.NotEqual(a, DatasourceNames.From(longB));
        Assert.True(DatasourceNames.IsValid(a));
    }

    [Theory]
    [InlineData("---")]
    [InlineData("日本-東京")]
    [InlineData(" ")]
    public void From_NothingUsable_Throws(string connector) =>
        Assert.ThrowsAny<ArgumentException>(() => DatasourceNames.From(connector));

    [Theory]
    [InlineData("", false)]
    [InlineData("abc", true)]
    [InlineData("Abc", false)]
    [InlineData("a_b", false)]
    public void IsValid_Name_FollowsGleanRule(string name, bool expected) =>
        Assert.Equal(expected, DatasourceNames.IsValid(name));
}
