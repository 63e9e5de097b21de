namespace DataOps.Benchmarks.Storage;

/// <summary>
/// The storage operations <see cref="StorageCeiling"/> measures, whichever client library sends them, so that
/// <c>storage-compare</c> can run the same steps with the hand-written clients and with the Azure SDK.
/// </summary>
internal interface ICeilingClients
{
    /// <summary>Messages received so far by every receive.</summary>
    long MessagesReceived { get; }

    /// <summary>Creates the queues, the table and the container.</summary>
    Task CreateAsync(CancellationToken cancellationToken);

    /// <summary>Deletes what <see cref="CreateAsync"/> created.</summary>
    Task DeleteAsync(CancellationToken cancellationToken);

    /// <summary>A few requests of each kind before anything is timed.</summary>
    Task WarmUpAsync(CancellationToken cancellationToken);

    /// <summary>Empties the filled queue and forgets the messages received from it.</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    /// <summary>Sends <see cref="StorageCeiling.Message"/> to the filled queue.</summary>
    Task SendAsync(CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/> from the filled queue and keeps them for <see cref="DeleteReceivedAsync"/>.</summary>
    Task ReceiveAsync(int maxMessages, CancellationToken cancellationToken);

    /// <summary>Deletes one received message (nothing when none is left).</summary>
    Task DeleteReceivedAsync(CancellationToken cancellationToken);

    /// <summary>Polls the empty queue for up to 32 messages.</summary>
    Task ReceiveEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Sends, receives and deletes one message on the short queue.</summary>
    Task CycleAsync(CancellationToken cancellationToken);

    /// <summary>Inserts an entity with a message-sized payload.</summary>
    Task InsertAsync(string partitionKey, string rowKey, long sequence, CancellationToken cancellationToken);

    /// <summary>Reads one entity by its keys.</summary>
    Task PointReadAsync(string partitionKey, string rowKey, CancellationToken cancellationToken);

    /// <summary>Inserts 100 entities into <paramref name="partitionKey"/> in one entity-group transaction.</summary>
    Task BatchAsync(string partitionKey, CancellationToken cancellationToken);

    /// <summary>Uploads <see cref="StorageCeiling.Blob"/>, overwriting.</summary>
    Task UploadAsync(string blobName, CancellationToken cancellationToken);
}
