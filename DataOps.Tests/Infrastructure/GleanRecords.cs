using System.Globalization;
using DataOps.Domain.Datasets;

namespace DataOps.Tests.Infrastructure;

/// <summary>Records with the canonical fields of each dataset type, built in code (the generator lives elsewhere).</summary>
public static class GleanRecords
{
    private static readonly string[] Words =
    [
        "onboarding", "architecture", "payments", "roadmap", "incident", "security", "billing", "search",
        "analytics", "migration", "checkout", "latency", "compliance", "pipeline", "dashboard", "inventory",
    ];

    private static readonly DateTimeOffset Epoch = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Create(DatasetType type, int count, string host = "https://acme.example.com") =>
        Enumerable.Range(0, count).Select(i => One(type, i, host)).ToList();

    public static IReadOnlyDictionary<string, object?> One(DatasetType type, int i, string host = "https://acme.example.com")
    {
        var word = Words[i % Words.Length];
        var other = Words[(i * 7 + 3) % Words.Length];
        var n = i.ToString(CultureInfo.InvariantCulture);
        var record = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["created_at"] = Epoch.AddHours(i),
            ["updated_at"] = Epoch.AddHours(i + 1),
        };
        switch (type)
        {
            case DatasetType.ConfluencePages:
                record["id"] = $"page-{n}";
                record["url"] = $"{host}/wiki/spaces/ENG/pages/{n}";
                record["title"] = $"{Title(word)} guide {n}";
                record["body"] = $"How the team handles {word} and {other}. Page {n}.";
                record["space_key"] = "ENG";
                record["author_name"] = "Dana Writer";
                record["author_email"] = "dana.writer@example.com";
                record["labels"] = (IReadOnlyList<string>)[word, "docs"];
                record["content_type"] = "engineering_doc";
                break;
            case DatasetType.GithubRepos:
                record["id"] = $"repo-{n}";
                record["url"] = $"{host}/acme/{word}-service-{n}";
                record["name"] = $"{word}-service-{n}";
                record["full_name"] = $"acme/{word}-service-{n}";
                record["description"] = $"Service for {word} with {other} support";
                record["readme"] = $"# {word} service\nBuild and run the {word} service.";
                record["language"] = "C#";
                record["topics"] = (IReadOnlyList<string>)[word, other];
                record["stars"] = (long)(i * 3);
                record["owner_name"] = "acme";
                record["owner_email"] = "platform@example.com";
                break;
            case DatasetType.SlackMessages:
                record["id"] = $"msg-{n}";
                record["url"] = $"{host}/archives/C01/p{n}";
                record["channel"] = "eng-" + other;
                record["text"] = $"Heads up: the {word} rollout moves to Thursday ({n})";
                record["user_name"] = "Sam Poster";
                record["user_email"] = "sam.poster@example.org";
                record["thread_id"] = i % 3 == 0 ? null : $"t-{i / 3}";
                break;
            case DatasetType.JiraIssues:
                record["id"] = $"issue-{n}";
                record["url"] = $"{host}/browse/ENG-{n}";
                record["key"] = $"ENG-{n}";
                record["summary"] = $"{Title(word)} fails under load";
                record["description"] = $"Steps to reproduce the {word} problem with {other}.";
                record["issue_type"] = "Bug";
                record["status"] = "Open";
                record["priority"] = "High";
                record["project_key"] = "ENG";
                record["assignee_email"] = "owner@example.com";
                record["reporter_email"] = "reporter@example.com";
                record["labels"] = (IReadOnlyList<string>)[word];
                record["epic_key"] = i % 2 == 0 ? "ENG-1" : null;
                break;
            default:
                record["id"] = $"doc-{n}";
                record["url"] = $"{host}/docs/{n}";
                record["title"] = $"{Title(word)} overview {n}";
                record["body"] = $"An overview of {word} and {other}.";
                break;
        }

        return record;
    }

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
