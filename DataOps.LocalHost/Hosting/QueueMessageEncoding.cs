namespace DataOps.LocalHost.Hosting;

/// <summary>How queue message text is encoded on the wire (<c>extensions.queues.messageEncoding</c>).</summary>
internal enum QueueMessageEncoding
{
    /// <summary>Base64 of the UTF-8 text, the Azure Functions default.</summary>
    Base64 = 0,

    /// <summary>The text as is.</summary>
    None = 1,
}
