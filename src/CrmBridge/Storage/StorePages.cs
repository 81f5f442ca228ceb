namespace CrmBridge.Storage;

/// <summary>How many pages of one kind ("Data", "Index", "Empty"...) a collection holds in the Store file, and their unused bytes.</summary>
internal sealed record StorePages(string Collection, string PageType, int Pages, long FreeBytes);
