using System.Text;

namespace DataOps.LocalHost.Hosting.Queues;

/// <summary>Turns the wire text of a message into the text functions see, per <c>extensions.queues.messageEncoding</c>.</summary>
internal static class QueueMessageDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(string wireText, QueueMessageEncoding encoding, out string text, out string? error)
    {
        text = wireText;
        error = null;
        if (encoding == QueueMessageEncoding.None)
        {
            return true;
        }

        try
        {
            text = StrictUtf8.GetString(Convert.FromBase64String(wireText));
            return true;
        }
        catch (FormatException)
        {
            error = "the message is not valid base64 (extensions.queues.messageEncoding is base64)";
        }
        catch (DecoderFallbackException)
        {
            error = "the base64 message does not decode to UTF-8 text";
        }

        return false;
    }

    public static string Encode(string text, QueueMessageEncoding encoding) =>
        encoding == QueueMessageEncoding.None ? text : Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
