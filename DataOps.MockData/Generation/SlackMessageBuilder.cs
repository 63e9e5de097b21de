using System.Globalization;

namespace DataOps.MockData.Generation;

/// <summary>Slack messages: a chat line, sometimes a follow-up sentence, and thread replies to recent messages of the same channel.</summary>
internal sealed class SlackMessageBuilder : IRecordBuilder
{
    private const int ThreadWindow = 40;

    /// <inheritdoc/>
    public string IdPrefix => "msg";

    /// <inheritdoc/>
    public void Build(RecordContext context)
    {
        var v = context.Vocabulary;
        var channel = context.MixValue is not null && context.Plan.Mix.Mix?.Field == "channel"
            ? context.MixValue
            : context.PickAllowed("channel", new Dictionary<string, double>()) ?? "#general";
        var user = context.Random.Pick(v.People);
        var text = TextComposer.Fill(context.Random.Pick(v.Messages), v, context.Random);
        if (context.Random.Chance(0.4) && v.Sentences.Count > 0)
        {
            text += " " + TextComposer.Fill(context.Random.Pick(v.Sentences), v, context.Random);
        }

        var slug = Uri.EscapeDataString(channel.TrimStart('#'));
        context.Set("url", string.Create(CultureInfo.InvariantCulture, $"{v.BaseUrl.TrimEnd('/')}/archives/{slug}/p{context.CreatedAt.ToUnixTimeSeconds()}{context.Index % 1_000_000:D6}"));
        context.Set("channel", channel);
        context.Set("text", TextComposer.Fit(text, context.Field("text")?.MaxLength));
        context.Set("user_name", user.Name);
        context.Set("user_email", user.Email);
        context.Set("thread_id", ThreadParent(context));
    }

    private static string? ThreadParent(RecordContext context)
    {
        if (!context.Random.Chance(context.Vocabulary.ThreadReplyShare))
        {
            return null;
        }

        var candidates = context.Plan.Mix.EarlierWithSameValue(context.Index, ThreadWindow).Take(5).ToList();
        return candidates.Count == 0 ? null : context.Plan.IdOf("msg", context.Random.Pick(candidates));
    }
}
