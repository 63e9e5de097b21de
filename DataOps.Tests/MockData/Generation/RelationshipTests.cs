
using DataOps.MockData.Generation;
namespace DataOps.Tests.MockData.Generation;

public sealed class RelationshipTests
{
    private static readonly DateTimeOffset BaseDate = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("fintech.developer_productivity.jira_issues")]
    [InlineData("generic.general.jira_issues")]
    public void Generate_JiraIssues_EpicKeysPointAtEpicsOfTheDataset(string templateId)
    {
        var records = new MockDataGenerator().Generate(RepositoryTemplates.Get(templateId), new GenerationRequest("client-acme", null, BaseDate)).ToList();
        var epics = records.Where(r => (string?)r["issue_type"] == "Epic").Select(r => (string)r["key"]!).ToHashSet(StringComparer.Ordinal);
        var linked = records.Where(r => r["epic_key"] is not null).ToList();

        Assert.NotEmpty(linked);
        Assert.All(linked, r => Assert.Contains((string)r["epic_key"]!, epics));
        Assert.All(records, r => Assert.StartsWith((string)r["project_key"]! + "-", (string)r["key"]!, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_SlackMessages_ThreadRepliesFollowAnEarlierMessageOfTheSameChannel()
    {
        var records = new MockDataGenerator().Generate(RepositoryTemplates.Get("fintech.customer_support.slack_messages"), new GenerationRequest("client-acme", null, BaseDate)).ToList();
        var byId = records.ToDictionary(r => (string)r["id"]!, StringComparer.Ordinal);
        var replies = records.Where(r => r["thread_id"] is not null).ToList();

        Assert.InRange(replies.Count, records.Count / 5, records.Count / 2);
        Assert.All(replies, r =>
        {
            var parent = byId[(string)r["thread_id"]!];
            Assert.Equal(parent["channel"], r["channel"]);
            Assert.True((DateTimeOffset)parent["created_at"]! <= (DateTimeOffset)r["created_at"]!);
        });
    }

    [Fact]
    public void Generate_GithubRepos_NamesUniqueEvenPastTheVocabularySize()
    {
        var records = new MockDataGenerator().Generate(RepositoryTemplates.Get("generic.general.github_repos"), new GenerationRequest("client-acme", 250, BaseDate)).ToList();

        Assert.Equal(250, records.Select(r => (string)r["full_name"]!).Distinct(StringComparer.Ordinal).Count());
    }
}
