using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Queues;

/// <summary>Message operations.</summary>
public partial class QueueClient
{
    /// <summary>
    /// Sends a message, invisible for <paramref name="visibilityTimeout"/> (0 to 7 days, less than the time-to-live)
    /// and expiring after <paramref name="timeToLive"/> (default 7 days; <see cref="InfiniteTimeToLive"/> never).
    /// </summary>
    public virtual async Task<Response<SendReceipt>> SendMessageAsync(
        string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        if (Encoding.UTF8.GetByteCount(messageText) > MaxMessageBytes)
        {
            throw new ArgumentException($"The message text is larger than {MaxMessageBytes} bytes (UTF-8).", nameof(messageText));
        }

        if (timeToLive is { } ttl && ttl != InfiniteTimeToLive && ttl < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), timeToLive, "The time-to-live is at least 1 second, or -1 second for never.");
        }

        if (visibilityTimeout is { } delay)
        {
            CheckVisibility(delay, nameof(visibilityTimeout), allowZero: true);
            var effectiveTtl = timeToLive ?? MaxVisibilityTimeout;
            if (effectiveTtl != InfiniteTimeToLive && delay >= effectiveTtl)
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility delay must be shorter than the time-to-live.");
            }
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Post, Name, "messages");
        AppendSeconds(message.Request, "visibilitytimeout", visibilityTimeout);
        AppendSeconds(message.Request, "messagettl", timeToLive);
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(MessageXml(messageText)));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        var item = Messages(response).Single();
        return Response.FromValue(
            new SendReceipt(
                item.Element("MessageId")!.Value,
                item.Element("PopReceipt")!.Value,
                Date(item, "InsertionTime"),
                Date(item, "ExpirationTime"),
                Date(item, "TimeNextVisible")),
            response);
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> (1-32, default 1) visible messages and hides them for
    /// <paramref name="visibilityTimeout"/> (1 s to 7 days, default 30 s). An empty array when none is visible.
    /// </summary>
    public virtual async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(
        int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        CheckCount(maxMessages);
        if (visibilityTimeout is { } timeout)
        {
            CheckVisibility(timeout, nameof(visibilityTimeout), allowZero: false);
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, Name, "messages");
        if (maxMessages is { } count)
        {
            message.Request.Uri.AppendQuery("numofmessages", count.ToString(CultureInfo.InvariantCulture));
        }

        AppendSeconds(message.Request, "visibilitytimeout", visibilityTimeout);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var messages = Messages(response).Select(m => new QueueMessage(
            m.Element("MessageId")!.Value,
            m.Element("PopReceipt")!.Value,
            m.Element("MessageText")?.Value ?? string.Empty,
            long.Parse(m.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
            Date(m, "InsertionTime"),
            Date(m, "ExpirationTime"),
            Date(m, "TimeNextVisible"))).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> (1-32) visible messages without hiding them.</summary>
    public virtual async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        CheckCount(maxMessages);
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Name, "messages");
        message.Request.Uri.AppendQuery("peekonly", "true");
        if (maxMessages is { } count)
        {
            message.Request.Uri.AppendQuery("numofmessages", count.ToString(CultureInfo.InvariantCulture));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var messages = Messages(response).Select(m => new PeekedMessage(
            m.Element("MessageId")!.Value,
            m.Element("MessageText")?.Value ?? string.Empty,
            long.Parse(m.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
            Date(m, "InsertionTime"),
            Date(m, "ExpirationTime"))).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>
    /// Changes a received message's visibility (0 s to 7 days from now) and, when <paramref name="messageText"/> is
    /// given, its text. Returns the new pop receipt; 404 <c>MessageNotFound</c> when the pop receipt is stale.
    /// </summary>
    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        CheckVisibility(visibilityTimeout, nameof(visibilityTimeout), allowZero: true);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Name, "messages", messageId);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        AppendSeconds(message.Request, "visibilitytimeout", visibilityTimeout);
        if (messageText is not null)
        {
            if (Encoding.UTF8.GetByteCount(messageText) > MaxMessageBytes)
            {
                throw new ArgumentException($"The message text is larger than {MaxMessageBytes} bytes (UTF-8).", nameof(messageText));
            }

            message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(MessageXml(messageText)));
            message.Request.Headers.SetValue("Content-Type", "application/xml");
        }

        var response = await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
        return Response.FromValue(
            new UpdateReceipt(
                HeaderReader.String(response, "x-ms-popreceipt") ?? string.Empty,
                HeaderReader.Date(response, "x-ms-time-next-visible") ?? default),
            response);
    }

    /// <summary>Deletes a received message; 404 <c>MessageNotFound</c> when it is gone or the pop receipt is stale.</summary>
    public virtual async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Name, "messages", messageId);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Deletes every message of the queue.</summary>
    public virtual async Task<Response> ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Name, "messages");
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    private static string MessageXml(string text) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessage><MessageText>{SecurityElement.Escape(text)}</MessageText></QueueMessage>";

    private static IEnumerable<XElement> Messages(Response response) =>
        XDocument.Parse(response.Content.ToString()).Root?.Elements("QueueMessage") ?? [];

    private static DateTimeOffset Date(XElement element, string name) =>
        element.Element(name) is { } value ? HeaderReader.ParseDate(value.Value) : default;

    private static void AppendSeconds(Request request, string name, TimeSpan? value)
    {
        if (value is { } span)
        {
            request.Uri.AppendQuery(name, ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void CheckCount(int? maxMessages)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "Between 1 and 32 messages can be received or peeked at once.");
        }
    }

    private static void CheckVisibility(TimeSpan value, string paramName, bool allowZero)
    {
        if (value < (allowZero ? TimeSpan.Zero : TimeSpan.FromSeconds(1)) || value > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, allowZero ? "The visibility timeout is 0 seconds to 7 days." : "The visibility timeout is 1 second to 7 days.");
        }
    }
}
