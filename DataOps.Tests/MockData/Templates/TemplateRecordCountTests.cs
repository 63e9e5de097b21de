using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Tests.MockData.Templates;

/// <summary>
/// ARCHITECTURE section 6: sandbox record counts are confluence 500, github 50, slack 2000, jira 300 unless a template
/// overrides them. The shipped templates keep to the documented counts, so what a journey provisions does not depend on
/// which template of a type the ranking happens to pick.
/// </summary>
public sealed class TemplateRecordCountTests
{
    [Theory]
    [MemberData(nameof(RepositoryTemplates.Paths), MemberType = typeof(RepositoryTemplates))]
    public void ShippedTemplate_RecordCount_IsTheDocumentedSandboxCount(string path)
    {
        var descriptor = RepositoryTemplates.ByPath(path).ToDescriptor();

        // custom has no documented count: only its template defines one.
        if (StageDataRules.DefaultRecordCount(descriptor.DatasetType) is { } documented)
        {
            Assert.Equal(documented, descriptor.RecordCount);
        }
    }

    [Theory]
    [InlineData(DatasetType.ConfluencePages, 500)]
    [InlineData(DatasetType.GithubRepos, 50)]
    public void SeedsExampleJourney_SelectedTemplates_ProvisionTheDocumentedCounts(DatasetType type, int expected)
    {
        // The seeds' example: ACME, healthcare, clinical_workflows, sandbox, Confluence and GitHub. Healthcare has no
        // clinical_workflows GitHub template, so GitHub comes from another healthcare template.
        var candidates = RepositoryTemplates.All.Where(r => r.IsValid).Select(r => r.Template!.ToDescriptor());

        var selected = TemplateSelector.Select(candidates, Industry.Healthcare, UseCase.Create("clinical_workflows"), type);

        Assert.NotNull(selected);
        Assert.Equal(expected, selected.Template.RecordCount);
    }
}
