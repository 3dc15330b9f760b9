<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name />
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="77" />
      <source>&amp;New Post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="77" />
      <source>Start a new draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="78" />
      <source>&amp;Open…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="78" />
      <source>Open a post file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="79" />
      <source>&amp;Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="79" />
      <source>Save the post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="80" />
      <source>Save &amp;As…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="80" />
      <source>Save the post under a new name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="82" />
      <source>&amp;History…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="82" />
      <source>Earlier versions of this post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="84" />
      <source>&amp;Close Post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="84" />
      <source>Close the post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="86" />
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="86" />
      <source>Quit smugdesk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="87" />
      <source>&amp;Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="88" />
      <source>&amp;Redo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="89" />
      <source>Cu&amp;t</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="90" />
      <source>&amp;Copy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="91" />
      <source>&amp;Paste</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="92" />
      <source>Select &amp;All</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="93" />
      <source>&amp;Bold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="93" />
      <source>Bold on or off</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="94" />
      <source>&amp;Italic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="94" />
      <source>Italic on or off</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="98" />
      <source>&amp;Paragraph</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="98" />
      <source>Heading &amp;%d</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="103" />
      <source>&amp;Find…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="103" />
      <source>Find in the post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="104" />
      <source>&amp;Replace…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="104" />
      <source>Find and replace</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="105" />
      <source>Find &amp;Next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="106" />
      <source>Find Pre&amp;vious</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="107" />
      <source>Prefere&amp;nces…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="107" />
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="109" />
      <source>&amp;Focus Mode</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="109" />
      <source>Dim all but the paragraph you write</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="113" />
      <source>Distraction-&amp;Free</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="113" />
      <source>Full screen, only the editor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="115" />
      <source>&amp;Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="115" />
      <source>Show the outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="117" />
      <source>&amp;Scroll Preview with Editor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="117" />
      <source>The preview follows your place</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="119" />
      <source>Next &amp;Pane</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="119" />
      <source>Move to the next pane</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="121" />
      <source>Pre&amp;vious Pane</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="121" />
      <source>Move to the previous pane</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="124" />
      <source>Post &amp;Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="124" />
      <source>Title, date, tags… as a form</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="127" />
      <source>&amp;Library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="127" />
      <source>Show every post, and search them</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="130" />
      <source>E&amp;xport</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="130" />
      <source>Export again where this post went last time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="133" />
      <source>&amp;Publish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="133" />
      <source>Publish to this post's blog, or choose one</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="135" />
      <source>Publish &amp;To…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="135" />
      <source>Choose the blog and how</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="137" />
      <source>Send &amp;Waiting Posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="137" />
      <source>Send the posts that waited for a network</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="140" />
      <source>&amp;Download Posts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="140" />
      <source>Bring a blog's posts here to edit offline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="142" />
      <source>Blog &amp;Accounts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="142" />
      <source>Add or change your blogs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="143" />
      <source>&amp;Link…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="143" />
      <source>Insert a link</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="145" />
      <source>&amp;Image…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="145" />
      <source>Insert an image stored with the post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="148" />
      <source>&amp;Embed…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="148" />
      <source>Embed a video, a social post or a link card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="152" />
      <source>Load &amp;Remote Content in Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="154" />
      <source>Let embedded players load from the internet in the preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="158" />
      <source>Run This Post's &amp;Scripts in Preview (Untrusted Code)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="160" />
      <source>Only for a post you trust: its own scripts run in the preview, still offline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="163" />
      <source>&amp;Markdown Guide</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="163" />
      <source>The marks a post uses, and their keys</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="166" />
      <source>&amp;Keyboard Shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="166" />
      <source>Every command and its keys</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="169" />
      <source>&amp;Report a Problem…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="169" />
      <source>Copy the version and system details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/actions.py" line="171" />
      <source>&amp;About smugdesk</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AccountsDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="59" />
      <source>Blog Accounts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="68" />
      <source>Accounts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="71" />
      <source>Account name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="72" />
      <source>A name you will recognise, e.g. Ward Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="74" />
      <source>Kind of blog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="79" />
      <source>Blog address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="81" />
      <source>User name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="84" />
      <source>Password or token</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="86" />
      <source>Status of new posts for this blog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="88" />
      <source>as the post says</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="89" />
      <source>draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="90" />
      <source>published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="94" />
      <source>Filled in when a post is set to this blog and has no status yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="97" />
      <source>Default categories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="98" />
      <source>comma, separated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="100" />
      <source>Filled in when a post is set to this blog and has no categories yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="111" />
      <source>Passwords cannot be kept safely here: %s. smugdesk will remember them only until you quit, and ask again next time.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="119" />
      <source>&amp;Name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="120" />
      <source>&amp;Kind:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="121" />
      <source>&amp;Address:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="122" />
      <source>&amp;User:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="123" />
      <source>&amp;Password:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="124" />
      <source>New p&amp;osts as:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="125" />
      <source>Default cate&amp;gories:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="126" />
      <source>Add &amp;Blog…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="127" />
      <source>Type the blog's address: smugdesk finds out the rest</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="129" />
      <source>&amp;New by Hand</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="130" />
      <source>Choose the kind of blog and its API address yourself</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="132" />
      <source>&amp;Save Account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="134" />
      <source>&amp;Verify</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="135" />
      <source>Sign in and report the site's name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="137" />
      <source>Fetch &amp;Terms</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="139" />
      <source>Fetch the blog's categories and tags, for completion (kept offline)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="142" />
      <source>&amp;Remove</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="174" />
      <source>Start with Add Blog…: type your blog's address and smugdesk finds out the rest. New by Hand is for choosing the kind and API address yourself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="214" />
      <source>(kept; type to change)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="214" />
      <source>not stored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="232" />
      <source>An application password (Users → Profile in WordPress)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="234" />
      <source>The access token</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="236" />
      <source>Your password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="247" />
      <source>Not saved: change the address to https://.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="272" />
      <source>Saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="272" />
      <source>Saved; the password is kept until you quit.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="282" />
      <source>Type the password or token first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="284" />
      <source>Signing in to %s…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="297" />
      <source>Could not sign in: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="299" />
      <source>Signed in: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="307" />
      <source>Save the account with its password first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="319" />
      <source>Could not fetch the terms: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="322" />
      <source>Added.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="323" />
      <source>%s: %d categories and %d tags kept for completion.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="337" />
      <source>Unencrypted address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="338" />
      <source>The password for %s would travel unencrypted.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="340" />
      <source>Use http:// anyway</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="350" />
      <source>Remove account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="352" />
      <source>Remove %s? Its password is deleted from the keyring. Posts keep the record of where they were published.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="373" />
      <source>Removed %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="391" />
      <source>Choose the kind of blog and its API address.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="399" />
      <source>Added. %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="416" />
      <source>Download recent posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/accounts.py" line="418" />
      <source>%s is added. Download its recent posts now, to edit them here and publish them back?</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>AddBlogDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="45" />
      <source>Add Blog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="57" />
      <source>Type your blog's address: smugdesk finds out how to publish to it and checks that it can sign in.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="63" />
      <source>Blog address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="67" />
      <source>&amp;Find</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="75" />
      <source>What was found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="78" />
      <source>Account name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="79" />
      <source>The blog's name, found from its address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="81" />
      <source>User name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="84" />
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="225" />
      <source>Password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="85" />
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="224" />
      <source>&amp;Password:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="91" />
      <source>Sign-in result</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="98" />
      <source>&amp;Address:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="102" />
      <source>&amp;Name:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="103" />
      <source>&amp;User:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="108" />
      <source>A&amp;dvanced…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="110" />
      <source>Choose the kind of blog and its API address by hand</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="113" />
      <source>Use &amp;XML-RPC Instead</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="115" />
      <source>Sign in with your usual password over XML-RPC</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="119" />
      <source>Sign In with &amp;Browser</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="122" />
      <source>Approve smugdesk on your blog's sign-in page; the token is kept for you</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="130" />
      <source>&amp;Add Blog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="187" />
      <source>Looking at %s…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="224" />
      <source>&amp;Token:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="225" />
      <source>Token</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="227" />
      <source>An application password (Users → Profile on the blog)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="229" />
      <source>An access token from the blog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="231" />
      <source>Your usual password</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="260" />
      <source>Type the token first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="262" />
      <source>Type the password first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="268" />
      <source>Not added: the blog needs an https:// address.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="271" />
      <source>Signing in to %s through the %s…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="298" />
      <source>Could not sign in: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="312" />
      <source> (the password is kept until you quit)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="313" />
      <source>Signed in: %s.%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="333" />
      <source>Approve smugdesk on the page your browser opened (%s)…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="350" />
      <source>Not signed in: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="368" />
      <source>Unencrypted address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="369" />
      <source>The password for %s would travel unencrypted: %s. Use it anyway?</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CategoryTree</name>
    <message>
      <location filename="../../smugdesk/ui/term_completion.py" line="89" />
      <source>Categories</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CheckDialog</name>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="41" />
      <source>Check Before It Goes Out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="45" />
      <source>Nothing to fix: no missing images, no broken links, no warnings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="49" />
      <source>error</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="49" />
      <source>errors</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="50" />
      <source>warning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="50" />
      <source>warnings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="54" />
      <source>. Errors stop it going out: fix them, or go on anyway.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="61" />
      <source>Problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="61" />
      <source>Line</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="63" />
      <source>Problems found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="84" />
      <source>&amp;Show in Text</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DiskWatch</name>
    <message>
      <location filename="../../smugdesk/ui/disk_watch.py" line="50" />
      <source>Changed by another program</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/disk_watch.py" line="51" />
      <source>“%s” was changed by another program.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/disk_watch.py" line="54" />
      <source>You have unsaved edits. Load their version (your edits are dropped), or keep yours (saving will ask before overwriting theirs)?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/disk_watch.py" line="58" />
      <source>Load Theirs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/disk_watch.py" line="59" />
      <source>Keep Mine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/disk_watch.py" line="83" />
      <source>Reloaded %s: it was changed by another program</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/disk_watch.py" line="93" />
      <source>%s was deleted on disk. Your text is still here: save to write it again.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DownloadActions</name>
    <message>
      <location filename="../../smugdesk/ui/download_actions.py" line="33" />
      <source>Cannot download</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/download_actions.py" line="39" />
      <source>Downloading from %s…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/download_actions.py" line="59" />
      <source>Not downloaded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/download_actions.py" line="65" />
      <source>Downloaded %d post(s); %d were already here</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DownloadDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="24" />
      <source>Download Posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="26" />
      <source>Blog account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="32" />
      <source>How many recent posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="34" />
      <source>One post's address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="35" />
      <source>Optional: the address of one post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="38" />
      <source>&amp;Blog:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="39" />
      <source>&amp;Recent posts:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="40" />
      <source>&amp;Or one post:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="43" />
      <source>Posts come in as Markdown drafts that remember where they live; a post downloaded before is not downloaded twice.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/download.py" line="49" />
      <source>&amp;Download</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>EmbedDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="22" />
      <source>Insert Embed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="25" />
      <source>Paste a YouTube, Vimeo, X, Instagram, SoundCloud or Spotify link</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="27" />
      <source>Address to embed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="30" />
      <source>What the address will show</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="37" />
      <source>&amp;Address:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="61" />
      <source>An embed needs a full address starting with https://</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="65" />
      <source>Not a site smugdesk embeds: it will show as a link card.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="67" />
      <source>%s — shown as a card linking to it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/embed.py" line="70" />
      <source>%s — a player on your blog; a card in the offline preview.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExportActions</name>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="40" />
      <source>Export progress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="87" />
      <source>Export Anyway</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="115" />
      <source>Exporting to %s…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="144" />
      <source>Publish to git</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="145" />
      <source>Commit and push this post?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="147" />
      <source>Publish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="193" />
      <source>the exporter finished without saying where the post went</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="195" />
      <source>Export failed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="205" />
      <source>Exported to %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="210" />
      <source>Exported</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="211" />
      <source>The post was exported to:
%s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="214" />
      <source>Open Folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/export_actions.py" line="219" />
      <source>Open in Browser</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="62" />
      <source>Export Post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="68" />
      <source>Export to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="74" />
      <source>Destination folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="75" />
      <source>&amp;Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="83" />
      <source>Export &amp;to:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="85" />
      <source>&amp;Folder:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="91" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="120" />
      <source>Not available here: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/export.py" line="130" />
      <source>Export to folder</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="32" />
      <location filename="../../smugdesk/ui/find_bar.py" line="33" />
      <source>Find</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="35" />
      <location filename="../../smugdesk/ui/find_bar.py" line="36" />
      <source>Replace with</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="37" />
      <source>Match &amp;case</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="38" />
      <source>&amp;Whole word</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="39" />
      <source>Re&amp;gex</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="43" />
      <source>Previous</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="44" />
      <source>Next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="45" />
      <source>&amp;Replace</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="46" />
      <source>Replace &amp;All</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="47" />
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/find_bar.py" line="48" />
      <source>Close the find bar</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/find_bar.py" line="119" />
      <source>%n match(es)</source>
      <translation>
        <numerusform>%n match</numerusform>
        <numerusform>%n matches</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/find_bar.py" line="187" />
      <source>Replaced %n match(es)</source>
      <translation>
        <numerusform>Replaced %n match</numerusform>
        <numerusform>Replaced %n matches</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HistoryActions</name>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="82" />
      <source>Recovery copy failed: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="84" />
      <source>Kept safe (not saved yet)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="113" />
      <source>Could not look for lost work: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="120" />
      <source>“%s”, %s words, last kept %s → %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="122" />
      <source>Untitled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="133" />
      <source>Recovered unsaved work</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/history_actions.py" line="136" />
      <source>smugdesk stopped before %n unsaved post(s) were saved. They are back:</source>
      <translation>
        <numerusform>smugdesk stopped before %n unsaved post was saved. They are back:</numerusform>
        <numerusform>smugdesk stopped before %n unsaved posts were saved. They are back:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/history_actions.py" line="145" />
      <source>Recovered %n post(s) from before smugdesk stopped</source>
      <translation>
        <numerusform>Recovered %n post from before smugdesk stopped</numerusform>
        <numerusform>Recovered %n posts from before smugdesk stopped</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="184" />
      <location filename="../../smugdesk/ui/history_actions.py" line="197" />
      <source>History</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="186" />
      <source>This post has no versions yet: it is kept safe as you type, and its history starts when you save it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_actions.py" line="222" />
      <source>Restored the version of %s %s. Edit → Undo brings back what you had.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="75" />
      <source>History of “%s”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="79" />
      <source>Versions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="88" />
      <source>This version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="89" />
      <source>Your text now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="98" />
      <source>This version (removed since: red)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="99" />
      <source>Your text now (added since: green)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="117" />
      <source>&amp;Differences</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="118" />
      <source>&amp;Preview of This Version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="131" />
      <source>&amp;Restore This Version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="133" />
      <source>Bring this version back into the editor (Edit → Undo takes it back)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="135" />
      <source>&amp;Copy</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="137" />
      <source>Copy the selected part of this version (all of it if nothing is selected)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="184" />
      <source>words</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="186" />
      <source>as your text now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="197" />
      <source>No versions of this post are kept yet: they start with its next save.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="227" />
      <source>The same as your text now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="229" />
      <source>Since then: %s words removed, %s added.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="275" />
      <source>Copied the selection</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/history_dialog.py" line="275" />
      <source>Copied</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImageDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="42" />
      <source>Insert Image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="45" />
      <source>Image file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="46" />
      <source>&amp;Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="52" />
      <source>Describe the image for people who cannot see it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="53" />
      <source>Alternative text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="55" />
      <source>Caption</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="56" />
      <source>Shown under the image (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="58" />
      <source>Alignment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="60" />
      <source>As the text flows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="61" />
      <source>Left, text beside it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="62" />
      <source>Centred</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="63" />
      <source>Right, text beside it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="67" />
      <source>Display width</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="70" />
      <source> px</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="71" />
      <source>The column's width</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="74" />
      <source>With a caption, an alignment or a width the image becomes a figure: &lt;figure&gt; in the HTML page, Jekyll and Pelican, Hugo's figure shortcode, an image block on WordPress.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="83" />
      <source>The image is copied into the post's own folder; the original stays. What a site or blog receives is made from it: upright, no larger than the target takes (2048 pixels unless set otherwise), without its metadata.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="92" />
      <source>Thumbnail of the image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="100" />
      <source>Images already in this post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="108" />
      <source>About the image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="120" />
      <source>Ca&amp;ption:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="121" />
      <source>Ali&amp;gnment:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="122" />
      <source>Displa&amp;y width:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="126" />
      <source>In this post (click to use again):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="115" />
      <source>&amp;File:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="119" />
      <source>&amp;Alt text:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/image.py" line="140" />
      <source>Choose an Image</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>InsertActions</name>
    <message>
      <location filename="../../smugdesk/ui/insert_actions.py" line="71" />
      <source>Save the post first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/insert_actions.py" line="72" />
      <source>Images are kept in a folder beside the post. Save the post now?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/insert_actions.py" line="81" />
      <source>Image not added</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/insert_actions.py" line="90" />
      <source>No draft with the slug “%s”</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LibraryActions</name>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="60" />
      <source>The drafts folder cannot be made: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="128" />
      <source>New Post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="128" />
      <source>Title of the new post:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="135" />
      <source>The post was not created</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="148" />
      <source>Rename Post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="148" />
      <source>New title:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="155" />
      <source>The post was not renamed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="166" />
      <source>Renamed to %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="172" />
      <source>The post was not duplicated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="175" />
      <source>Duplicated as %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="186" />
      <source>The post was not moved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="192" />
      <source>Moved “%s” to the trash; the Trash button brings it back.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="204" />
      <source>The post was not restored</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_actions.py" line="208" />
      <source>Restored %s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LibraryPane</name>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="60" />
      <source>Newest first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="61" />
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="62" />
      <source>Last edited</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="65" />
      <source>live on %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="66" />
      <source>a draft on %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="67" />
      <source>scheduled on %s</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/library_pane.py" line="70" />
      <source>%s word(s)</source>
      <translation>
        <numerusform>%s word</numerusform>
        <numerusform>%s words</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="72" />
      <source>Draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="73" />
      <source>Scheduled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="74" />
      <source>Published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="296" />
      <source>Library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="306" />
      <source>Search titles, tags and text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="308" />
      <source>Search the library</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="313" />
      <source>Show posts with status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="314" />
      <source>All posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="318" />
      <source>Show posts with tag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="319" />
      <location filename="../../smugdesk/ui/library_pane.py" line="533" />
      <source>Any tag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="321" />
      <source>Sort posts by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="324" />
      <source>Search results come best match first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="334" />
      <source>Posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="359" />
      <source>Indexing progress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="362" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="374" />
      <source>Send Now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="375" />
      <source>Try the blog again for the posts that wait</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="388" />
      <source>Number of posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="389" />
      <source>New…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="390" />
      <source>A new post, with a title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="392" />
      <source>Trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="394" />
      <source>Show posts moved to the trash, to restore them</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/library_pane.py" line="440" />
      <source>%s of %s post(s)</source>
      <translation>
        <numerusform>%s of %s post</numerusform>
        <numerusform>%s of %s posts</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/library_pane.py" line="443" />
      <source>%s post(s)</source>
      <translation>
        <numerusform>%s post</numerusform>
        <numerusform>%s posts</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="455" />
      <source>No post shown here contains “%s”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="456" />
      <source>Search All Posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="458" />
      <source>No post contains “%s”.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="459" />
      <source>Clear the Search</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="461" />
      <source>No post is %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="469" />
      <source>Show All Posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="472" />
      <source>No posts yet.
New posts, and Markdown files put in the drafts folder, appear here.</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/library_pane.py" line="498" />
      <source>⏳ %n post(s) waiting for the network to publish</source>
      <translation>
        <numerusform>⏳ %n post waiting for the network to publish</numerusform>
        <numerusform>⏳ %n posts waiting for the network to publish</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/library_pane.py" line="505" />
      <source>%n post(s) in the trash</source>
      <translation>
        <numerusform>%n post in the trash</numerusform>
        <numerusform>%n posts in the trash</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="509" />
      <source>The trash is empty.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="521" />
      <source>Indexing %v of %m posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="595" />
      <source>Restore</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="598" />
      <source>Open</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="599" />
      <source>Rename…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="600" />
      <source>Duplicate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="605" />
      <source>Open on %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="609" />
      <source>Move to Trash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/library_pane.py" line="475" />
      <location filename="../../smugdesk/ui/library_pane.py" line="611" />
      <source>New Post…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LinkDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="39" />
      <source>Insert Link</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="45" />
      <source>Link address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="47" />
      <source>Link text</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="49" />
      <source>Optional: shown when hovering</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="50" />
      <source>Link title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="58" />
      <source>Find a draft by title…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="59" />
      <source>Find a draft to link to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="61" />
      <source>Drafts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="71" />
      <source>&amp;URL:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="74" />
      <source>&amp;Text:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="75" />
      <source>T&amp;itle:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="77" />
      <source>Or link to a &amp;draft:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="112" />
      <source>This web address has no “https://” in front: Enter adds it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/link.py" line="114" />
      <source>Use %s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="123" />
      <source>Word count</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="126" />
      <source>Word-count goal</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="197" />
      <source>Where to Keep Your Drafts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="200" />
      <source>Open a Folder of Markdown Posts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="268" />
      <source>Open Post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="279" />
      <source>Cannot open this file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="311" />
      <source>Unsaved changes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="312" />
      <source>Save the changes to “%s”?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="312" />
      <location filename="../../smugdesk/ui/main_window.py" line="560" />
      <source>Untitled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="314" />
      <source>If you don't save, the text is kept in the trash for a while.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="316" />
      <source>If you don't save, your changes are kept in the post's history.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="344" />
      <source>Save Post As</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="362" />
      <source>The post was not saved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="372" />
      <source>Saved %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="378" />
      <source>File changed on disk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="380" />
      <source>Save your version under a new name, or overwrite theirs?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="381" />
      <source>Save As…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="382" />
      <source>Overwrite</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="404" />
      <source>Not autosaved: %s was changed by another program. Save to choose.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="411" />
      <source>Autosave failed: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="416" />
      <source>Autosaved</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/main_window.py" line="515" />
      <source>%s word(s)</source>
      <translation>
        <numerusform>%s word</numerusform>
        <numerusform>%s words</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/main_window.py" line="516" />
      <source>%s character(s)</source>
      <translation>
        <numerusform>%s character</numerusform>
        <numerusform>%s characters</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/main_window.py" line="517" />
      <source>%n min read</source>
      <translation>
        <numerusform>%n min read</numerusform>
        <numerusform>%n min read</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="522" />
      <source>%s selected · </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="544" />
      <source>Goal reached: %s words</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="546" />
      <source>%s%% of %s words</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="569" />
      <source>About smugdesk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/main_window.py" line="570" />
      <source>&lt;b&gt;smugdesk %s&lt;/b&gt;&lt;p&gt;Write offline, publish in one click.&lt;/p&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/settings_actions.py" line="45" />
      <source>Spell checking is off: %s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MarkdownEditor</name>
    <message>
      <location filename="../../smugdesk/ui/editor.py" line="67" />
      <source>Markdown editor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/editor.py" line="68" />
      <source>Write your post in Markdown…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/editor.py" line="155" />
      <source>(no suggestions)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/editor.py" line="158" />
      <source>Add “%s” to Dictionary</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MarkdownGuideDialog</name>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="122" />
      <source>Markdown Guide</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="126" />
      <source>Find in the guide (Enter: next)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="127" />
      <source>Find in the guide</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="132" />
      <source>Markdown guide</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MetadataForm</name>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="46" />
      <source>Post details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="54" />
      <source>&amp;Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="55" />
      <source>&amp;Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="56" />
      <source>Stat&amp;us</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="57" />
      <source>S&amp;lug</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="58" />
      <source>Ta&amp;gs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="59" />
      <source>C&amp;ategories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="60" />
      <source>Su&amp;mmary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="74" />
      <location filename="../../smugdesk/ui/metadata_form.py" line="75" />
      <source>comma, separated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="77" />
      <source>from the file name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="99" />
      <source>Where the post is published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="117" />
      <source>Choose from the blog's categories</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="123" />
      <source>Blog the post is for</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="124" />
      <source>The blog this post is for: its categories and tags complete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="125" />
      <source>(any blog)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="127" />
      <source>&amp;Publish to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="136" />
      <source>Terms the blog does not have yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="167" />
      <source>The front matter cannot be read: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="240" />
      <source>✚ New on %s, will be created when published: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="256" />
      <source>Not sent to %s: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="264" />
      <source>Not sent to %s: %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="273" />
      <source>Published on %s, for everyone to read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="274" />
      <source>Scheduled on %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="275" />
      <source>A draft on %s, only you see it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/metadata_form.py" line="279" />
      <source>, sent %s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>OutlinePane</name>
    <message>
      <location filename="../../smugdesk/ui/outline_pane.py" line="14" />
      <source>Outline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/outline_pane.py" line="22" />
      <source>Outline of the post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/outline_pane.py" line="37" />
      <source>(untitled heading)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="35" />
      <source>Preferences</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="39" />
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="140" />
      <source>Drafts folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="40" />
      <source>&amp;Browse…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="52" />
      <source>Editor font</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="57" />
      <source>Editor font size</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="64" />
      <source>Follow the system</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="65" />
      <source>Light</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="66" />
      <source>Dark</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="71" />
      <source>Theme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="73" />
      <source>Check spelling as I type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="76" />
      <source>Spelling language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="77" />
      <source>The system's language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="82" />
      <source>No spelling dictionaries are installed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="87" />
      <source>As wide as the window</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="88" />
      <source> characters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="90" />
      <source>Line width</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="93" />
      <source> s after a change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="95" />
      <source>Autosave delay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="97" />
      <source>A post with a file is saved this long after its first unsaved change</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="100" />
      <source>Load videos and other remote content in the preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="101" />
      <source>Open My &amp;CSS Folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="103" />
      <source>Stylesheets (*.css) here are added to the preview: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="111" />
      <source>&amp;Drafts folder:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="112" />
      <source>Editor &amp;font:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="117" />
      <source>Line &amp;width:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="118" />
      <source>&amp;Autosave:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="119" />
      <source>&amp;Theme:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="121" />
      <source>Spelling &amp;language:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="123" />
      <source>Preview style:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="124" />
      <source>Blog &amp;Accounts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="125" />
      <source>The blogs you publish to; passwords go to the keyring</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/preferences.py" line="127" />
      <source>Publishing:</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PreviewPane</name>
    <message>
      <location filename="../../smugdesk/ui/preview_pane.py" line="48" />
      <source>Preview</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/preview_pane.py" line="69" />
      <source>No preview: %s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PublishActions</name>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="65" />
      <source>Password for %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="66" />
      <source>Password or token for %s at %s:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="89" />
      <source>No keyring here: the password is kept until you quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="97" />
      <source>Blog accounts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="127" />
      <location filename="../../smugdesk/ui/publish_actions.py" line="186" />
      <source>Cannot publish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="181" />
      <source>A publish is already under way</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="204" />
      <source>Publish Anyway</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="227" />
      <source>Publishing to %s…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="227" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="229" />
      <source>Publishing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="277" />
      <source>Not scheduled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="279" />
      <source>“%s” cannot be scheduled on %s: %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="280" />
      <source>Untitled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="282" />
      <source>Nothing was sent. Change its date, or choose:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="283" />
      <source>Publish Now</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="284" />
      <source>Send as Draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="292" />
      <source>Not sent: the post's date is in the past</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="319" />
      <location filename="../../smugdesk/ui/publish_actions.py" line="330" />
      <location filename="../../smugdesk/ui/publish_actions.py" line="430" />
      <source>Not published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="321" />
      <location filename="../../smugdesk/ui/publish_actions.py" line="331" />
      <source>The draft is unchanged.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="322" />
      <source>Change Password…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="343" />
      <source>Published, but not recorded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="344" />
      <source>The post is at %s, but its front matter is broken now: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="354" />
      <source>Published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="354" />
      <source>Updated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="359" />
      <source>%s at:
%s</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../smugdesk/ui/publish_actions.py" line="361" />
      <source>%n image(s) uploaded.</source>
      <translation>
        <numerusform>%n image uploaded.</numerusform>
        <numerusform>%n images uploaded.</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="366" />
      <source>Open in Browser</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="378" />
      <source>Changed on the blog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="380" />
      <source>“%s” was edited on %s since you last published it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="384" />
      <source>Publishing now would replace those edits. Details show what differs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="394" />
      <source>Only the formatting differs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="396" />
      <source>Replace the Blog's Version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="399" />
      <source>Copy the Blog's Version to a New Draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="411" />
      <source>Not copied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="415" />
      <source>The blog's version is in %s; nothing was published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="421" />
      <source>Deleted on the blog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="423" />
      <source>Publish as a New Post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="436" />
      <source>Waiting for the network</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="438" />
      <source>%s

The post waits in the queue and is sent when the blog can be reached (or with Blog → Send Waiting Posts). The draft is unchanged.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="454" />
      <source>Send &amp;Waiting Posts (%d)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="492" />
      <source>No longer waiting: %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="494" />
      <source>%s → %s (the account was removed)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="496" />
      <source>%s → %s (the file is gone)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="503" />
      <source>Removed from the queue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="533" />
      <source>Sent %d waiting post(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/publish_actions.py" line="537" />
      <source>Some posts are still waiting</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PublishDialog</name>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="55" />
      <source>Publish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="61" />
      <source>Blog account</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="66" />
      <source>Publish as</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="67" />
      <source>A draft on the blog, only you see it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="68" />
      <source>Published, for everyone to read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="69" />
      <source>Scheduled for the post's date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="74" />
      <source>What will happen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="81" />
      <source>&amp;Accounts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="83" />
      <source>&amp;Blog:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="84" />
      <source>&amp;As:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="88" />
      <source>&amp;Publish</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="119" />
      <source>Enter does not do this: click “%s” if you mean it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="150" />
      <source>%s at %s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="159" />
      <source>Untitled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="163" />
      <source>No blog accounts yet: add one with Accounts…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="165" />
      <source>Send “%s” to %s as a draft; nobody else sees it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="167" />
      <source>Publish “%s” on %s for everyone to read now.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="170" />
      <source>“%s” cannot be scheduled: %s. Change its date, or choose another option.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="173" />
      <source>Schedule “%s” to appear on %s on %s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="180" />
      <source>Send as &amp;Draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="181" />
      <source>Publish for &amp;Everyone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="182" />
      <source>&amp;Schedule</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="189" />
      <source>This post is marked as a draft here; it will be marked published.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="191" />
      <source>This post is marked as a draft here; it will go public on that date.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/dialogs/publish.py" line="209" />
      <source>Not sent to %s: %s.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RecentFiles</name>
    <message>
      <location filename="../../smugdesk/ui/recent_files.py" line="40" />
      <source>Post not found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/recent_files.py" line="40" />
      <source>%s is no longer there.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsActions</name>
    <message>
      <location filename="../../smugdesk/ui/settings_actions.py" line="65" />
      <source>Preferences not saved</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="61" />
      <source>Keyboard Shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="65" />
      <source>Search commands and keys</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="66" />
      <source>Search shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="71" />
      <source>Command</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="71" />
      <source>Keys</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="71" />
      <source>Menu</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="72" />
      <source>Shortcuts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="75" />
      <source>Leave full screen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="76" />
      <source>Indent a list item</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="77" />
      <source>Show a preview block's source</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="77" />
      <source>Double-click</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="105" />
      <source>No command or key contains “%s”.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>WelcomePage</name>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="44" />
      <source>Welcome</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="48" />
      <source>Welcome to smugdesk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="56" />
      <source>Write offline, publish in one click. Each post is a Markdown file in a folder you own: other programs can read it, and so can you in ten years.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="69" />
      <source>Where drafts are kept</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="71" />
      <source>Choose Another Folder…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="77" />
      <source>New Post</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="77" />
      <source>Start writing; the post is saved as you type.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="83" />
      <source>Add Your Blog…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="84" />
      <source>WordPress, Micropub, MetaWeblog: give its address, publish in one click.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="89" />
      <source>Open a Folder of Markdown…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="90" />
      <source>Posts you already have (Jekyll, Hugo, Obsidian…) become your library.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/welcome.py" line="118" />
      <source>Your drafts are kept in
%s</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>window</name>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="30" />
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="32" />
      <source>Open &amp;Recent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="37" />
      <source>&amp;Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="46" />
      <source>Main</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="55" />
      <source>&amp;Edit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="71" />
      <source>F&amp;ormat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="80" />
      <source>&amp;Insert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="86" />
      <source>&amp;View</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="124" />
      <source>&amp;Blog</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/menus.py" line="141" />
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="184" />
      <source>Check: %s (Ctrl+Shift+K lists them)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="185" />
      <source>warning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="185" />
      <source>warnings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="200" />
      <source>&amp;Check Post…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/check_dialog.py" line="202" />
      <source>Missing images, alt text, broken links… before it goes out</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="194" />
      <source>Report a Problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../smugdesk/ui/help_pages.py" line="197" />
      <source>The version and system details are copied. Paste them into your report, with what you did and what happened.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>