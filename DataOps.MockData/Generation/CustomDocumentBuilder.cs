namespace DataOps.MockData.Generation;

/// <summary>Custom documents: a title by mix value and a body.</summary>
internal sealed class CustomDocumentBuilder : IRecordBuilder
{
    /// <inheritdoc/>
    public string IdPrefix => "doc";

    /// <inheritdoc/>
    public void Build(RecordContext context)
    {
        var v = context.Vocabulary;
        var id = context.Plan.IdOf(IdPrefix, context.Index);
        context.Set("url", $"{v.BaseUrl.TrimEnd('/')}/docs/{id}");
        context.Set("title", context.FillFor("title", v.TitlesFor(context.MixValue)));
        context.Set("body", context.ComposeFor("body", v.Sentences));
    }
}
