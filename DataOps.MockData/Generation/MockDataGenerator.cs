using DataOps.MockData.Templates;
using System.Diagnostics.CodeAnalysis;
using DataOps.Domain.Datasets;

namespace DataOps.MockData.Generation;

/// <summary>
/// Expands a template into records, deterministically: the same client id, template (id and version) and count
/// give byte-identical records on every machine. Records are produced one at a time (a few bytes of plan per
/// record are held, never the records), so datasets of any size stream to the uploader.
/// </summary>
public sealed class MockDataGenerator
{
    /// <summary>The number of records a request asks for: explicit, else the template's default, else the dataset type's sandbox default.</summary>
    public static int RecordCountFor(MockTemplate template, int? requested)
    {
        if (requested is { } explicitCount)
        {
            return explicitCount is > 0 and <= TemplateParser.MaxRecordCount
                ? explicitCount
                : throw new ArgumentOutOfRangeException(nameof(requested), explicitCount, $"The record count must be between 1 and {TemplateParser.MaxRecordCount}.");
        }

        return StageDataRules.RecordCountFor(template.Metadata.DatasetType, template.Metadata.DefaultRecordCount);
    }

    /// <summary>Generates the records lazily.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The generator is an injected service; callers hold an instance.")]
    public IEnumerable<IReadOnlyDictionary<string, object?>> Generate(MockTemplate template, GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ClientId);
        var count = RecordCountFor(template, request.RecordCount);
        return Stream(DatasetPlan.Create(template, request.ClientId, count, request.BaseDate));
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Stream(DatasetPlan plan)
    {
        var builder = CreateBuilder(plan);
        var mixField = plan.Template.Vocabulary.Mix?.Field;
        for (var i = 0; i < plan.Count; i++)
        {
            var context = new RecordContext(plan, i);
            context.Set("id", plan.IdOf(builder.IdPrefix, i));
            if (mixField is not null)
            {
                context.Set(mixField, context.MixValue);
            }

            builder.Build(context);
            context.Set("created_at", context.CreatedAt);
            context.Set("updated_at", UpdatedAt(context, plan));
            yield return FieldCompleter.Complete(context);
        }
    }

    private static DateTimeOffset UpdatedAt(RecordContext context, DatasetPlan plan)
    {
        // Chat messages are rarely edited; documents and issues are, and more often soon after creation.
        if (plan.Template.Metadata.DatasetType == DatasetType.SlackMessages || context.Random.Chance(0.3))
        {
            return context.CreatedAt;
        }

        var room = plan.EndSeconds - context.CreatedAt.ToUnixTimeSeconds();
        return context.CreatedAt.AddSeconds(Math.Floor(room * Math.Pow(context.Random.NextDouble(), 2)));
    }

    private static IRecordBuilder CreateBuilder(DatasetPlan plan) => plan.Template.Metadata.DatasetType switch
    {
        DatasetType.ConfluencePages => new ConfluencePageBuilder(),
        DatasetType.GithubRepos => new GithubRepoBuilder(plan),
        DatasetType.SlackMessages => new SlackMessageBuilder(),
        DatasetType.JiraIssues => new JiraIssueBuilder(plan),
        _ => new CustomDocumentBuilder(),
    };
}
