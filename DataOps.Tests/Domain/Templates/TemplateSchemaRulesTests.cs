using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Tests.Domain.Templates;

public sealed class TemplateSchemaRulesTests
{
    private static List<FieldDefinition> CanonicalFieldsOf(DatasetType type)
        => CanonicalFields.For(type).Select(c => new FieldDefinition(c.Name, c.AllowedTypes[0], !c.Optional)).ToList();

    private static TemplateSchema SchemaWith(DatasetType type, Func<List<FieldDefinition>, List<FieldDefinition>> change, params SchemaRelationship[] relationships)
        => new(change(CanonicalFieldsOf(type)), relationships);

    [Theory]
    [InlineData(DatasetType.ConfluencePages)]
    [InlineData(DatasetType.GithubRepos)]
    [InlineData(DatasetType.SlackMessages)]
    [InlineData(DatasetType.JiraIssues)]
    [InlineData(DatasetType.Custom)]
    public void Problems_CanonicalSchema_None(DatasetType type)
        => Assert.Empty(TemplateSchemaRules.Problems(new TemplateSchema(CanonicalFieldsOf(type), []), type));

    [Theory]
    [InlineData(DatasetType.ConfluencePages, "title,body,space_key,author_name,author_email,labels,content_type")]
    [InlineData(DatasetType.GithubRepos, "name,full_name,description,readme,language,topics,stars,owner_name,owner_email")]
    [InlineData(DatasetType.SlackMessages, "channel,text,user_name,user_email,thread_id")]
    [InlineData(DatasetType.JiraIssues, "key,summary,description,issue_type,status,priority,project_key,assignee_email,reporter_email,labels,epic_key")]
    [InlineData(DatasetType.Custom, "title,body")]
    public void CanonicalFields_EachType_CommonThenSpecific(DatasetType type, string specific)
        => Assert.Equal(["id", "url", "created_at", "updated_at", .. specific.Split(',')], CanonicalFields.For(type).Select(f => f.Name));

    [Fact]
    public void CanonicalFields_OptionalOnes_ThreadIdAndEpicKey()
        => Assert.Equal(["thread_id", "epic_key"], Enum.GetValues<DatasetType>().SelectMany(CanonicalFields.For).Where(f => f.Optional).Select(f => f.Name));

    [Fact]
    public void CanonicalFields_UnknownType_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => CanonicalFields.For((DatasetType)50));

    public static TheoryData<string, Func<List<FieldDefinition>, List<FieldDefinition>>, string> Broken() => new()
    {
        { "missing canonical", f => f.Where(x => x.Name != "body").ToList(), "canonical field 'body' of custom is missing" },
        { "wrong canonical type", f => f.Select(x => x.Name == "url" ? x with { Type = FieldType.String } : x).ToList(), "canonical field 'url' must be url, not string" },
        { "optional id", f => f.Select(x => x.Name == "id" ? x with { Required = false } : x).ToList(), "field 'id' must be required" },
        { "duplicate", f => [.. f, new FieldDefinition("title", FieldType.Text, false)], "field 'title' is defined more than once" },
        { "blank name", f => [.. f, new FieldDefinition(" ", FieldType.Text, false)], "empty or malformed name" },
        { "length on bool", f => [.. f, new FieldDefinition("flag", FieldType.Boolean, false, MaxLength: 3)], "length constraint but is boolean" },
        { "min > max length", f => [.. f, new FieldDefinition("code", FieldType.String, false, MaxLength: 2, MinLength: 5)], "inconsistent length constraints" },
        { "bound on string", f => [.. f, new FieldDefinition("code", FieldType.String, false, Minimum: 1)], "numeric bound but is string" },
        { "minimum > maximum", f => [.. f, new FieldDefinition("n", FieldType.Integer, false, Minimum: 5, Maximum: 1)], "minimum 5 above maximum 1" },
        { "empty allowed", f => [.. f, new FieldDefinition("kind", FieldType.String, false, AllowedValues: [])], "empty or repetitive list" },
        { "repeated allowed", f => [.. f, new FieldDefinition("kind", FieldType.String, false, AllowedValues: ["a", "a"])], "empty or repetitive list" },
        { "pattern on number", f => [.. f, new FieldDefinition("n", FieldType.Number, false, Pattern: "\\d+")], "pattern but is number" },
        { "bad pattern", f => [.. f, new FieldDefinition("code", FieldType.String, false, Pattern: "(")], "invalid pattern" },
        { "unknown type", f => [.. f, new FieldDefinition("x", (FieldType)99, false)], "unknown type" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Problems_BrokenSchema_Reported(string description, Func<List<FieldDefinition>, List<FieldDefinition>> change, string expected)
    {
        var problems = TemplateSchemaRules.Problems(SchemaWith(DatasetType.Custom, change), DatasetType.Custom);

        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{description}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void Problems_NoFields_Reported()
        => Assert.Equal(["schema defines no fields"], TemplateSchemaRules.Problems(new TemplateSchema([], []), DatasetType.Custom));

    [Fact]
    public void Problems_BadRelationships_EachReported()
    {
        var schema = SchemaWith(
            DatasetType.Custom,
            f => f,
            new SchemaRelationship("parent", "custom", "id"),
            new SchemaRelationship("title", "wiki_pages", "id"),
            new SchemaRelationship("body", "custom", " "));

        var problems = TemplateSchemaRules.Problems(schema, DatasetType.Custom);

        Assert.Equal(3, problems.Count);
        Assert.Contains("relationship refers to undefined field 'parent'", problems);
        Assert.Contains("relationship from 'title' targets unknown dataset type 'wiki_pages'", problems);
        Assert.Contains("relationship from 'body' names no target field", problems);
    }

    [Fact]
    public void Problems_ValidRelationship_Accepted()
    {
        var schema = SchemaWith(DatasetType.JiraIssues, f => f, new SchemaRelationship("epic_key", "jira_issues", "key"));

        Assert.Empty(TemplateSchemaRules.Problems(schema, DatasetType.JiraIssues));
    }
}
