using System.Text.RegularExpressions;
using DataOps.Domain.Datasets;
using DataOps.MockData.Records;

namespace DataOps.Tests.MockData.Templates;

public sealed partial class RepositoryTemplateTests
{
    private static readonly string[] Industries = ["fintech", "healthcare", "enterprise", "manufacturing", "retail"];

    [Theory]
    [MemberData(nameof(RepositoryTemplates.Paths), MemberType = typeof(RepositoryTemplates))]
    public void Parse_ShippedTemplate_IsValid(string path)
    {
        var result = RepositoryTemplates.All.Single(r => r.SourcePath == path);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.False(result.Template!.SchemaInferred);
        Assert.InRange(result.Template.SampleRecords.Count, 3, 10);
    }

    [Fact]
    public void Scan_RepositoryTree_CoversEveryIndustryAndTypeWithGenericFallbacks()
    {
        var templates = RepositoryTemplates.All.Select(r => r.Template!).ToList();
        var industryTemplates = templates.Where(t => t.Metadata.Industry != "generic").ToList();

        Assert.True(industryTemplates.Count >= 16, $"only {industryTemplates.Count} industry templates");
        foreach (var industry in Industries)
        {
            foreach (var type in new[] { DatasetType.ConfluencePages, DatasetType.GithubRepos, DatasetType.SlackMessages, DatasetType.JiraIssues })
            {
                Assert.Contains(industryTemplates, t => t.Metadata.Industry == industry && t.Metadata.DatasetType == type);
            }
        }

        foreach (var type in Enum.GetValues<DatasetType>())
        {
            Assert.Contains(templates, t => t.SourcePath == $"generic/general/{type.ToWireName()}.json");
        }

        Assert.Equal(templates.Count, templates.Select(t => t.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RepositoryTemplates.Paths), MemberType = typeof(RepositoryTemplates))]
    public void Vocabulary_ShippedTemplate_UsesOnlyReservedEmailDomainsAndNoContactData(string path)
    {
        var template = RepositoryTemplates.ByPath(path);
        var samples = string.Join('\n', template.SampleRecords.Select(r => System.Text.Encoding.UTF8.GetString(RecordJsonWriter.Serialize(r))));
        var text = string.Join('\n', template.Vocabulary.Sentences.Concat(template.Vocabulary.Messages).Concat(template.Vocabulary.Topics)) + samples;

        Assert.All(template.Vocabulary.People, p => Assert.EndsWith("@example.com", p.Email, StringComparison.Ordinal));
        Assert.All(EmailLike().Matches(text), m => Assert.Matches("@example\\.(com|org)$", m.Value));
        Assert.DoesNotMatch(PhoneLike(), text);
        Assert.DoesNotMatch(SsnLike(), text);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailLike();

    [GeneratedRegex(@"\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b")]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
    private static partial Regex SsnLike();
}
