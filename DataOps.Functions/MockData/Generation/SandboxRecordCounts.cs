using DataOps.Domain.Datasets;

namespace DataOps.Functions.MockData.Generation;

/// <summary>Sandbox record counts: the template's own count when it declares one, otherwise the Decisions-table default of the type.</summary>
internal static class SandboxRecordCounts
{
    private const int CustomDefault = 100;

    public static int For(DatasetType datasetType, int? templateCount) => templateCount ?? datasetType switch
    {
        DatasetType.ConfluencePages => 500,
        DatasetType.GithubRepos => 50,
        DatasetType.SlackMessages => 2000,
        DatasetType.JiraIssues => 300,
        _ => CustomDefault,
    };
}
