<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="79"/>
        <source>&amp;New Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="79"/>
        <source>Start a new draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="80"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="80"/>
        <source>Open a post file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="81"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="81"/>
        <source>Save the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="82"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="82"/>
        <source>Save the post under a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="84"/>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="84"/>
        <source>Earlier versions of this post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="86"/>
        <source>&amp;Close Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="86"/>
        <source>Close the post&apos;s tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="88"/>
        <source>Ne&amp;xt Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="88"/>
        <source>Show the next tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="90"/>
        <source>Pre&amp;vious Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="90"/>
        <source>Show the previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="93"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="93"/>
        <source>Quit smugdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="94"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="95"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="96"/>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="97"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="98"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="99"/>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="100"/>
        <source>&amp;Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="100"/>
        <source>Bold on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="101"/>
        <source>&amp;Italic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="101"/>
        <source>Italic on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="105"/>
        <source>&amp;Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="105"/>
        <source>Heading &amp;%d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="110"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="110"/>
        <source>Find in the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="111"/>
        <source>&amp;Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="111"/>
        <source>Find and replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="112"/>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="113"/>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="114"/>
        <source>Prefere&amp;nces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="114"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="116"/>
        <source>&amp;Focus Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="116"/>
        <source>Dim all but the paragraph you write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="120"/>
        <source>Distraction-&amp;Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="120"/>
        <source>Full screen, only the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="122"/>
        <source>&amp;Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="122"/>
        <source>Show the outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="124"/>
        <source>&amp;Scroll Preview with Editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="124"/>
        <source>The preview follows your place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="126"/>
        <source>Next &amp;Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="126"/>
        <source>Move to the next pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="128"/>
        <source>Pre&amp;vious Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="128"/>
        <source>Move to the previous pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="131"/>
        <source>Post &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="131"/>
        <source>Title, date, tags… as a form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="134"/>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="134"/>
        <source>Show every post, and search them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="137"/>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="137"/>
        <source>Export again where this post went last time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="140"/>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="140"/>
        <source>Publish to this post&apos;s blog, or choose one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="142"/>
        <source>Publish &amp;To…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="142"/>
        <source>Choose the blog and how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="144"/>
        <source>Send &amp;Waiting Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="144"/>
        <source>Send the posts that waited for a network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="147"/>
        <source>&amp;Download Posts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="147"/>
        <source>Bring a blog&apos;s posts here to edit offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="149"/>
        <source>Blog &amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="149"/>
        <source>Add or change your blogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="150"/>
        <source>&amp;Link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="150"/>
        <source>Insert a link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="152"/>
        <source>&amp;Image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="152"/>
        <source>Insert an image stored with the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="155"/>
        <source>&amp;Embed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="155"/>
        <source>Embed a video, a social post or a link card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="159"/>
        <source>Load &amp;Remote Content in Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="161"/>
        <source>Let embedded players load from the internet in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="165"/>
        <source>Run This Post&apos;s &amp;Scripts in Preview (Untrusted Code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="167"/>
        <source>Only for a post you trust: its own scripts run in the preview, still offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="170"/>
        <source>&amp;Markdown Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="170"/>
        <source>The marks a post uses, and their keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="173"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="173"/>
        <source>Every command and its keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="176"/>
        <source>&amp;Report a Problem…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="176"/>
        <source>Copy the version and system details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/actions.py" line="178"/>
        <source>&amp;About smugdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="67"/>
        <source>Blog Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="76"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="79"/>
        <source>Account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="80"/>
        <source>A name you will recognise, e.g. Ward Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="82"/>
        <source>Kind of blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="87"/>
        <source>Blog address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="89"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="92"/>
        <source>Password or token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="94"/>
        <source>Status of new posts for this blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="96"/>
        <source>as the post says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="97"/>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="98"/>
        <source>published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="102"/>
        <source>Filled in when a post is set to this blog and has no status yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="105"/>
        <source>Default categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="106"/>
        <source>comma, separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="108"/>
        <source>Filled in when a post is set to this blog and has no categories yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="111"/>
        <source>How new posts&apos; addresses are made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="113"/>
        <source>the whole title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="114"/>
        <source>short: the title&apos;s main words, at most five</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="115"/>
        <source>left to the blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="119"/>
        <source>Used when a post has no slug of its own; a published post keeps its address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="122"/>
        <source>Longest side of images sent to this blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="125"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="126"/>
        <source>standard (%d px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="127"/>
        <source>Keep photos&apos; metadata (location, camera)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="130"/>
        <source>Off: photos are sent without their EXIF data, so no one learns where they were taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="143"/>
        <source>Passwords cannot be kept safely here: %s. smugdesk will remember them only until you quit, and ask again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="151"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="152"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="153"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="154"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="155"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="156"/>
        <source>New p&amp;osts as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="157"/>
        <source>Default cate&amp;gories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="158"/>
        <source>Add&amp;resses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="159"/>
        <source>&amp;Images up to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="161"/>
        <source>Add &amp;Blog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="162"/>
        <source>Type the blog&apos;s address: smugdesk finds out the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="164"/>
        <source>&amp;New by Hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="165"/>
        <source>Choose the kind of blog and its API address yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="167"/>
        <source>&amp;Save Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="169"/>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="170"/>
        <source>Sign in and report the site&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="172"/>
        <source>Fetch &amp;Terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="174"/>
        <source>Fetch the blog&apos;s categories and tags, for completion (kept offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="177"/>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="209"/>
        <source>Start with Add Blog…: type your blog&apos;s address and smugdesk finds out the rest. New by Hand is for choosing the kind and API address yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="252"/>
        <source>(kept; type to change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="252"/>
        <source>not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="273"/>
        <source>An application password (Users → Profile in WordPress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="274"/>
        <source>The access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="276"/>
        <source>The Admin API key (id:secret) from Settings → Integrations in Ghost Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="279"/>
        <source>An app password (Bluesky: Settings → Privacy and security → App passwords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="282"/>
        <source>Your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="292"/>
        <source>Not saved: change the address to https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="323"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="323"/>
        <source>Saved; the password is kept until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="338"/>
        <source>Type the password or token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="340"/>
        <source>Signing in to %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="353"/>
        <source>Could not sign in: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="355"/>
        <source>Signed in: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="363"/>
        <source>Save the account with its password first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="375"/>
        <source>Could not fetch the terms: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="378"/>
        <source>Added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="379"/>
        <source>%s: %d categories and %d tags kept for completion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="393"/>
        <source>Unencrypted address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="394"/>
        <source>The password for %s would travel unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="396"/>
        <source>Use http:// anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="406"/>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="408"/>
        <source>Remove %s? Its password is deleted from the keyring. Posts keep the record of where they were published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="429"/>
        <source>Removed %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="447"/>
        <source>Choose the kind of blog and its API address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="455"/>
        <source>Added. %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="472"/>
        <source>Download recent posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/accounts.py" line="474"/>
        <source>%s is added. Download its recent posts now, to edit them here and publish them back?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddBlogDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="47"/>
        <source>Add Blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="59"/>
        <source>Type your blog&apos;s address: smugdesk finds out how to publish to it and checks that it can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="65"/>
        <source>Blog address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="69"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="77"/>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="80"/>
        <source>Account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="81"/>
        <source>The blog&apos;s name, found from its address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="83"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="86"/>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="236"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="87"/>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="235"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="93"/>
        <source>Sign-in result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="100"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="104"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="105"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="110"/>
        <source>A&amp;dvanced…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="112"/>
        <source>Choose the kind of blog and its API address by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="115"/>
        <source>Use &amp;XML-RPC Instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="117"/>
        <source>Sign in with your usual password over XML-RPC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="121"/>
        <source>Sign In with &amp;Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="124"/>
        <source>Approve smugdesk on your blog&apos;s sign-in page; the token is kept for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="132"/>
        <source>&amp;Add Blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="189"/>
        <source>Looking at %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="229"/>
        <source>Admin API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="230"/>
        <source>Admin API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="232"/>
        <source>id:secret, from Settings → Integrations in Ghost Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="235"/>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="236"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="238"/>
        <source>An application password (Users → Profile on the blog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="240"/>
        <source>An access token from the blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="242"/>
        <source>Your usual password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="271"/>
        <source>Type the token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="273"/>
        <source>Paste the Admin API key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="275"/>
        <source>Type the password first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="281"/>
        <source>Not added: the blog needs an https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="284"/>
        <source>Signing in to %s through the %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="311"/>
        <source>Could not sign in: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="328"/>
        <source> (the key is kept until you quit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="330"/>
        <source> (the password is kept until you quit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="332"/>
        <source>Signed in: %s.%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="352"/>
        <source>Approve smugdesk on the page your browser opened (%s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="369"/>
        <source>Not signed in: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="387"/>
        <source>Unencrypted address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/add_blog.py" line="388"/>
        <source>The password for %s would travel unencrypted: %s. Use it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoryTree</name>
    <message>
        <location filename="../../smugdesk/ui/term_completion.py" line="89"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeBlogDialog</name>
    <message>
        <location filename="../../smugdesk/ui/change_blog.py" line="29"/>
        <source>Change Blog of This Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/change_blog.py" line="32"/>
        <source>Blog this post is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/change_blog.py" line="45"/>
        <source>Already published on %s: it stays there. Publishing to another blog makes a new post on that blog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/change_blog.py" line="52"/>
        <source>Its status and categories follow the blog&apos;s defaults where it has none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/change_blog.py" line="60"/>
        <source>Write this post for:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="41"/>
        <source>Check Before It Goes Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="45"/>
        <source>Nothing to fix: no missing images, no broken links, no warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="49"/>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="49"/>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="50"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="50"/>
        <source>warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="54"/>
        <source>. Errors stop it going out: fix them, or go on anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="61"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="61"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="63"/>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="84"/>
        <source>&amp;Show in Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../smugdesk/ui/date_field.py" line="134"/>
        <source>Choose from a calendar (%s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatePopup</name>
    <message>
        <location filename="../../smugdesk/ui/date_field.py" line="40"/>
        <source>Choose the post&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/date_field.py" line="44"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/date_field.py" line="46"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/date_field.py" line="47"/>
        <source>&amp;Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/date_field.py" line="50"/>
        <source>Offset from UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/date_field.py" line="51"/>
        <source>T&amp;oday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiskWatch</name>
    <message>
        <location filename="../../smugdesk/ui/disk_watch.py" line="58"/>
        <source>Changed by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/disk_watch.py" line="59"/>
        <source>“%s” was changed by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/disk_watch.py" line="62"/>
        <source>You have unsaved edits. Load their version (your edits are dropped), or keep yours (saving will ask before overwriting theirs)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/disk_watch.py" line="66"/>
        <source>Load Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/disk_watch.py" line="67"/>
        <source>Keep Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/disk_watch.py" line="83"/>
        <source>Reloaded %s: it was changed by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/disk_watch.py" line="41"/>
        <source>%s was deleted on disk. Your text is still here: save to write it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentTabs</name>
    <message>
        <location filename="../../smugdesk/ui/document_tabs.py" line="35"/>
        <source>Open posts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="24"/>
        <source>Download Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="26"/>
        <source>Blog account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="32"/>
        <source>How many recent posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="34"/>
        <source>One post&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="35"/>
        <source>Optional: the address of one post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="38"/>
        <source>&amp;Blog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="39"/>
        <source>&amp;Recent posts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="40"/>
        <source>&amp;Or one post:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="43"/>
        <source>Posts come in as Markdown drafts that remember where they live; a post downloaded before is not downloaded twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/download.py" line="49"/>
        <source>&amp;Download</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <location filename="../../smugdesk/ui/download_actions.py" line="45"/>
        <source>Cannot download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/download_actions.py" line="51"/>
        <source>Downloading from %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/download_actions.py" line="71"/>
        <source>Not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/download_actions.py" line="77"/>
        <source>Downloaded %n post(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/download_actions.py" line="79"/>
        <source>%n post(s) were already here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmbedDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="22"/>
        <source>Insert Embed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="25"/>
        <source>Paste a YouTube, Vimeo, X, Instagram, SoundCloud or Spotify link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="27"/>
        <source>Address to embed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="30"/>
        <source>What the address will show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="37"/>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="61"/>
        <source>An embed needs a full address starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="65"/>
        <source>Not a site smugdesk embeds: it will show as a link card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="67"/>
        <source>%s — shown as a card linking to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/embed.py" line="70"/>
        <source>%s — a player on your blog; a card in the offline preview.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="62"/>
        <source>Export Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="68"/>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="74"/>
        <source>Destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="75"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="83"/>
        <source>Export &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="85"/>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="91"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="120"/>
        <source>Not available here: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/export.py" line="130"/>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="51"/>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="98"/>
        <source>Export Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="128"/>
        <source>Exporting to %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="157"/>
        <source>Publish to git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="158"/>
        <source>Commit and push this post?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="160"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="211"/>
        <source>the exporter finished without saying where the post went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="213"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="223"/>
        <source>Exported to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="228"/>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="229"/>
        <source>The post was exported to:
%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="232"/>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/export_actions.py" line="237"/>
        <source>Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="32"/>
        <location filename="../../smugdesk/ui/find_bar.py" line="33"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="35"/>
        <location filename="../../smugdesk/ui/find_bar.py" line="36"/>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="37"/>
        <source>Match &amp;case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="38"/>
        <source>&amp;Whole word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="39"/>
        <source>Re&amp;gex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="43"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="44"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="45"/>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="46"/>
        <source>Replace &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="47"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/find_bar.py" line="48"/>
        <source>Close the find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/find_bar.py" line="130"/>
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/find_bar.py" line="198"/>
        <source>Replaced %n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <location filename="../../smugdesk/ui/first_start.py" line="37"/>
        <source>Where to Keep Your Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/first_start.py" line="40"/>
        <source>Open a Folder of Markdown Posts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrontMatterFold</name>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/front_matter_fold.py" line="219"/>
        <source>▸ front matter · %n field(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/front_matter_fold.py" line="222"/>
        <source>▾ fold front matter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryControl</name>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="92"/>
        <source>Recovery copy failed: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="94"/>
        <source>Kept safe (not saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="125"/>
        <source>Could not look for lost work: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="132"/>
        <source>“%s”, %s words, last kept %s → %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="134"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="145"/>
        <source>Recovered unsaved work</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/history_actions.py" line="148"/>
        <source>smugdesk stopped before %n unsaved post(s) were saved. They are back:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/history_actions.py" line="157"/>
        <source>Recovered %n post(s) from before smugdesk stopped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="197"/>
        <location filename="../../smugdesk/ui/history_actions.py" line="210"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="199"/>
        <source>This post has no versions yet: it is kept safe as you type, and its history starts when you save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_actions.py" line="244"/>
        <source>Restored the version of %s %s. Edit → Undo brings back what you had.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="75"/>
        <source>History of “%s”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="79"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="88"/>
        <source>This version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="89"/>
        <source>Your text now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="98"/>
        <source>This version (removed since: red)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="99"/>
        <source>Your text now (added since: green)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="117"/>
        <source>&amp;Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="118"/>
        <source>&amp;Preview of This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="131"/>
        <source>&amp;Restore This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="133"/>
        <source>Bring this version back into the editor (Edit → Undo takes it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="135"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="137"/>
        <source>Copy the selected part of this version (all of it if nothing is selected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="184"/>
        <source>words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="186"/>
        <source>as your text now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="197"/>
        <source>No versions of this post are kept yet: they start with its next save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="227"/>
        <source>The same as your text now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="229"/>
        <source>Since then: %s words removed, %s added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="275"/>
        <source>Copied the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/history_dialog.py" line="275"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="52"/>
        <source>Insert Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="56"/>
        <source>Image file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="57"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="63"/>
        <source>Describe the image for people who cannot see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="64"/>
        <source>Alternative text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="66"/>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="67"/>
        <source>Shown under the image (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="69"/>
        <source>Alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="71"/>
        <source>As the text flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="72"/>
        <source>Left, text beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="73"/>
        <source>Centred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="74"/>
        <source>Right, text beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="78"/>
        <source>Display width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="81"/>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="82"/>
        <source>The column&apos;s width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="85"/>
        <source>With a caption, an alignment or a width the image becomes a figure: &lt;figure&gt; in the HTML page, Jekyll and Pelican, Hugo&apos;s figure shortcode, an image block on WordPress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="94"/>
        <source>The image is copied into the post&apos;s own folder; the original stays. What a site or blog receives is made from it: upright, no larger than the target takes (2048 pixels unless set otherwise), without its metadata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="103"/>
        <source>Thumbnail of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="111"/>
        <source>Images already in this post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="119"/>
        <source>About the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="131"/>
        <source>Ca&amp;ption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="132"/>
        <source>Ali&amp;gnment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="133"/>
        <source>Displa&amp;y width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="139"/>
        <source>In this post (click to use again):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="180"/>
        <source>Already in this post as %s: that copy is used again, not copied twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="126"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="50"/>
        <source>Image Details: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="130"/>
        <source>&amp;Alt text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/image.py" line="165"/>
        <source>Choose an Image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inserting</name>
    <message>
        <location filename="../../smugdesk/ui/insert_actions.py" line="98"/>
        <source>Save the post first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/insert_actions.py" line="99"/>
        <source>Images are kept in a folder beside the post. Save the post now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/insert_actions.py" line="108"/>
        <source>Image not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/insert_actions.py" line="117"/>
        <source>No draft with the slug “%s”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryControl</name>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="68"/>
        <source>The drafts folder cannot be made: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="139"/>
        <source>New Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="140"/>
        <source>Title of the new post:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="148"/>
        <source>The post was not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="164"/>
        <source>Rename Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="165"/>
        <source>New title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="174"/>
        <source>The post was not renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="186"/>
        <source>Renamed to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="192"/>
        <source>The post was not duplicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="195"/>
        <source>Duplicated as %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="207"/>
        <source>The post was not moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="213"/>
        <source>Moved “%s” to the trash; the Trash button brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="225"/>
        <source>The post was not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_actions.py" line="229"/>
        <source>Restored %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="57"/>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="58"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="59"/>
        <source>Last edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_entries.py" line="36"/>
        <source>live on %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_entries.py" line="37"/>
        <source>a draft on %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_entries.py" line="38"/>
        <source>scheduled on %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_entries.py" line="41"/>
        <source>%s word(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_entries.py" line="43"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_entries.py" line="44"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_entries.py" line="45"/>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="76"/>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="86"/>
        <source>Search titles, tags and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="88"/>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="93"/>
        <source>Show posts with status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="94"/>
        <source>All posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="98"/>
        <source>Show posts with tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="99"/>
        <location filename="../../smugdesk/ui/library_pane.py" line="313"/>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="101"/>
        <source>Sort posts by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="104"/>
        <source>Search results come best match first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="114"/>
        <source>Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="139"/>
        <source>Indexing progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="142"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="154"/>
        <source>Send Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="155"/>
        <source>Try the blog again for the posts that wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="168"/>
        <source>Number of posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="169"/>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="170"/>
        <source>A new post, with a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="172"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="174"/>
        <source>Show posts moved to the trash, to restore them</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/library_pane.py" line="220"/>
        <source>%s of %s post(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/library_pane.py" line="223"/>
        <source>%s post(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="235"/>
        <source>No post shown here contains “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="236"/>
        <source>Search All Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="238"/>
        <source>No post contains “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="239"/>
        <source>Clear the Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="241"/>
        <source>No post is %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="249"/>
        <source>Show All Posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="252"/>
        <source>No posts yet.
New posts, and Markdown files put in the drafts folder, appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/library_pane.py" line="278"/>
        <source>⏳ %n post(s) waiting for the network to publish</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/library_pane.py" line="285"/>
        <source>%n post(s) in the trash</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="289"/>
        <source>The trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="301"/>
        <source>Indexing %v of %m posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="375"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="378"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="379"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="380"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="385"/>
        <source>Open on %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="389"/>
        <source>Move to Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/library_pane.py" line="255"/>
        <location filename="../../smugdesk/ui/library_pane.py" line="391"/>
        <source>New Post…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="39"/>
        <source>Insert Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="45"/>
        <source>Link address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="47"/>
        <source>Link text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="49"/>
        <source>Optional: shown when hovering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="50"/>
        <source>Link title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="58"/>
        <source>Find a draft by title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="59"/>
        <source>Find a draft to link to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="61"/>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="71"/>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="74"/>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="75"/>
        <source>T&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="77"/>
        <source>Or link to a &amp;draft:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="112"/>
        <source>This web address has no “https://” in front: Enter adds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/link.py" line="114"/>
        <source>Use %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../smugdesk/ui/word_status.py" line="21"/>
        <source>Word count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/word_status.py" line="24"/>
        <source>Word-count goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/main_window.py" line="276"/>
        <source>“%s” is being published or exported: close it when that is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/main_window.py" line="318"/>
        <source>Open Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/main_window.py" line="334"/>
        <source>Cannot open this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/document.py" line="86"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/word_status.py" line="44"/>
        <source>%s word(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/word_status.py" line="45"/>
        <source>%s character(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/word_status.py" line="47"/>
        <source>%n min read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/word_status.py" line="53"/>
        <source>%s selected · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/word_status.py" line="73"/>
        <source>Goal reached: %s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/word_status.py" line="75"/>
        <source>%s%% of %s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/main_window.py" line="399"/>
        <source>About smugdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/main_window.py" line="400"/>
        <source>&lt;b&gt;smugdesk %s&lt;/b&gt;&lt;p&gt;Write offline, publish in one click.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/settings_actions.py" line="49"/>
        <source>Spell checking is off: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <location filename="../../smugdesk/ui/editor.py" line="50"/>
        <source>Markdown editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/editor.py" line="51"/>
        <source>Write your post in Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/image_chip.py" line="41"/>
        <source>Image details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/editor.py" line="93"/>
        <source>The front matter (%n field(s)) is folded: edit it in the details form, or press Ctrl+Home to show it here.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/editor.py" line="216"/>
        <source>Show the front matter here (Ctrl+Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/editor.py" line="289"/>
        <source>Image Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/editor.py" line="296"/>
        <source>Show the Front Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/editor.py" line="299"/>
        <source>Fold the Front Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/editor.py" line="314"/>
        <source>(no suggestions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/editor.py" line="317"/>
        <source>Add “%s” to Dictionary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownGuideDialog</name>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="122"/>
        <source>Markdown Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="126"/>
        <source>Find in the guide (Enter: next)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="127"/>
        <source>Find in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="132"/>
        <source>Markdown guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="80"/>
        <source>Post details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="89"/>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="90"/>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="91"/>
        <source>Stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="92"/>
        <source>S&amp;lug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="93"/>
        <source>Ta&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="94"/>
        <source>C&amp;ategories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="95"/>
        <source>Su&amp;mmary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="116"/>
        <location filename="../../smugdesk/ui/metadata_form.py" line="117"/>
        <source>comma, separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="119"/>
        <source>from the file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="137"/>
        <source>Where the post is published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="154"/>
        <source>Choose from the blog&apos;s categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="160"/>
        <source>Blog the post is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="161"/>
        <source>The blog this post is for: its categories and tags complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="162"/>
        <source>(any blog)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="164"/>
        <source>&amp;Publish to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="170"/>
        <source>Terms the blog does not have yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="300"/>
        <source>The front matter cannot be read: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="376"/>
        <source>✚ New on %s, will be created when published: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="392"/>
        <source>Not sent to %s: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="400"/>
        <source>Not sent to %s: %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="409"/>
        <source>Published on %s, for everyone to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="410"/>
        <source>Scheduled on %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="411"/>
        <source>A draft on %s, only you see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/metadata_form.py" line="415"/>
        <source> (sent %s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlinePane</name>
    <message>
        <location filename="../../smugdesk/ui/outline_pane.py" line="14"/>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/outline_pane.py" line="22"/>
        <source>Outline of the post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/outline_pane.py" line="45"/>
        <source>(untitled heading)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="35"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="39"/>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="140"/>
        <source>Drafts folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="40"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="52"/>
        <source>Editor font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="57"/>
        <source>Editor font size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="64"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="65"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="66"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="71"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="73"/>
        <source>Check spelling as I type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="76"/>
        <source>Spelling language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="77"/>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="82"/>
        <source>No spelling dictionaries are installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="87"/>
        <source>As wide as the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="88"/>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="90"/>
        <source>Line width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="93"/>
        <source> s after a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="95"/>
        <source>Autosave delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="97"/>
        <source>A post with a file is saved this long after its first unsaved change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="100"/>
        <source>Load videos and other remote content in the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="101"/>
        <source>Open My &amp;CSS Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="103"/>
        <source>Stylesheets (*.css) here are added to the preview: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="111"/>
        <source>&amp;Drafts folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="112"/>
        <source>Editor &amp;font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="117"/>
        <source>Line &amp;width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="118"/>
        <source>&amp;Autosave:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="119"/>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="121"/>
        <source>Spelling &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="123"/>
        <source>Preview style:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="124"/>
        <source>Blog &amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="125"/>
        <source>The blogs you publish to; passwords go to the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/preferences.py" line="127"/>
        <source>Publishing:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../smugdesk/ui/preview_pane.py" line="49"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_pane.py" line="70"/>
        <source>No preview: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewStyleMenu</name>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="147"/>
        <source>Preview &amp;Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="168"/>
        <source>Plain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="169"/>
        <source>Your CSS Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="174"/>
        <source>Blog Theme (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="176"/>
        <source>Blog Theme (%s): Capture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="181"/>
        <source>Site Theme (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="183"/>
        <source>Site Theme (%s): Build…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="186"/>
        <source>&amp;Refresh Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="263"/>
        <source>Capturing the theme of %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="283"/>
        <source>The theme was not captured: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="286"/>
        <source>Theme of %s captured (%d files, %.1f MB) in %.1f s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/preview_style.py" line="315"/>
        <source>%s has a new look: View → Preview Style → Refresh Theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishActions</name>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="59"/>
        <source>Password for %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="60"/>
        <source>Password or token for %s at %s:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="83"/>
        <source>No keyring here: the password is kept until you quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="94"/>
        <source>Blog accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="124"/>
        <location filename="../../smugdesk/ui/publish_actions.py" line="183"/>
        <source>Cannot publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="178"/>
        <source>A publish is already under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="201"/>
        <source>Publish Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="226"/>
        <source>Publishing to %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="226"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="228"/>
        <source>Publishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="276"/>
        <source>Not scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="278"/>
        <source>“%s” cannot be scheduled on %s: %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="279"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="281"/>
        <source>Nothing was sent. Change its date, or choose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="282"/>
        <source>Publish Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="283"/>
        <source>Send as Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="291"/>
        <source>Not sent: the post&apos;s date is in the past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="325"/>
        <location filename="../../smugdesk/ui/publish_actions.py" line="336"/>
        <location filename="../../smugdesk/ui/publish_actions.py" line="437"/>
        <source>Not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="327"/>
        <location filename="../../smugdesk/ui/publish_actions.py" line="337"/>
        <source>The draft is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="328"/>
        <source>Change Password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="350"/>
        <source>Published, but not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="351"/>
        <source>The post is at %s, but its front matter is broken now: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="361"/>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="361"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="366"/>
        <source>%s at:
%s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/publish_actions.py" line="368"/>
        <source>%n image(s) uploaded.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="373"/>
        <source>Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="385"/>
        <source>Changed on the blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="387"/>
        <source>“%s” was edited on %s since you last published it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="391"/>
        <source>Publishing now would replace those edits. Details show what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="401"/>
        <source>Only the formatting differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="403"/>
        <source>Replace the Blog&apos;s Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="406"/>
        <source>Copy the Blog&apos;s Version to a New Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="418"/>
        <source>Not copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="422"/>
        <source>The blog&apos;s version is in %s; nothing was published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="428"/>
        <source>Deleted on the blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="430"/>
        <source>Publish as a New Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="443"/>
        <source>Waiting for the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/publish_actions.py" line="445"/>
        <source>%s

The post waits in the queue and is sent when the blog can be reached (or with Blog → Send Waiting Posts). The draft is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="55"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="61"/>
        <source>Blog account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="66"/>
        <source>Publish as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="67"/>
        <source>A draft on the blog, only you see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="68"/>
        <source>Published, for everyone to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="69"/>
        <source>Scheduled for the post&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="74"/>
        <source>What will happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="81"/>
        <source>&amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="83"/>
        <source>&amp;Blog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="84"/>
        <source>&amp;As:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="88"/>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="119"/>
        <source>Enter does not do this: click “%s” if you mean it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="150"/>
        <source>%s at %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="159"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="163"/>
        <source>No blog accounts yet: add one with Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="165"/>
        <source>Send “%s” to %s as a draft; nobody else sees it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="167"/>
        <source>Publish “%s” on %s for everyone to read now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="170"/>
        <source>“%s” cannot be scheduled: %s. Change its date, or choose another option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="173"/>
        <source>Schedule “%s” to appear on %s on %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="180"/>
        <source>Send as &amp;Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="181"/>
        <source>Publish for &amp;Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="182"/>
        <source>&amp;Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="189"/>
        <source>This post is marked as a draft here; it will be marked published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="191"/>
        <source>This post is marked as a draft here; it will go public on that date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/publish.py" line="209"/>
        <source>Not sent to %s: %s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentPosts</name>
    <message>
        <location filename="../../smugdesk/ui/recent_files.py" line="54"/>
        <source>Post not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/recent_files.py" line="54"/>
        <source>%s is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="42"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="43"/>
        <source>Save the changes to “%s”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="43"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="45"/>
        <source>If you don&apos;t save, the text is kept in the trash for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="47"/>
        <source>If you don&apos;t save, your changes are kept in the post&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="77"/>
        <source>Save Post As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="104"/>
        <source>The post was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="111"/>
        <source>Saved %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="117"/>
        <source>File changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="119"/>
        <source>Save your version under a new name, or overwrite theirs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="120"/>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="121"/>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="145"/>
        <source>Not autosaved: %s was changed by another program. Save to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="152"/>
        <source>Autosave failed: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/saving.py" line="155"/>
        <source>Autosaved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsControl</name>
    <message>
        <location filename="../../smugdesk/ui/settings_actions.py" line="78"/>
        <source>Preferences not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareActions</name>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="75"/>
        <source>Cannot share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="124"/>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="128"/>
        <source>Shared, but not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="129"/>
        <source>Bluesky has it (%s), but it could not be recorded in the post: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="146"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="163"/>
        <location filename="../../smugdesk/ui/share_actions.py" line="174"/>
        <source>Share on Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="164"/>
        <source>Publish the post first: only a post that is live on a blog can be shared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="175"/>
        <source>Add your Bluesky account first (Blog ▸ Accounts…, kind Bluesky: your handle and an app password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="191"/>
        <source>Deleted from Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="195"/>
        <location filename="../../smugdesk/ui/share_actions.py" line="280"/>
        <source>On Bluesky: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_menu.py" line="18"/>
        <source>&amp;Share on Bluesky…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="231"/>
        <source>Share on Bluesky…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_menu.py" line="21"/>
        <source>Tell your followers on Bluesky about this published post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="229"/>
        <source>Update on Bluesky…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="262"/>
        <source>Sharing on Bluesky…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/share_actions.py" line="274"/>
        <source>Not shared on Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="74"/>
        <source>App password for %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="75"/>
        <source>App password for @%s (make one in Bluesky under Settings → Privacy and security → App passwords; never your account&apos;s own password):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="89"/>
        <source>Not an app password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="90"/>
        <source>This does not look like a Bluesky app password (xxxx-xxxx-xxxx-xxxx). Your account&apos;s own password gives full control of the account: use an app password instead. Use this one anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="136"/>
        <source>Share on Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="146"/>
        <source>Bluesky account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="148"/>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="152"/>
        <source>Text of the Bluesky post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="159"/>
        <source>Characters left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="166"/>
        <source>for example en, or fr, de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="167"/>
        <source>The post&apos;s language, so followers&apos; feeds can filter it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="168"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="169"/>
        <source>Share every post I publish on %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="184"/>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="292"/>
        <source>Delete from Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="200"/>
        <source>Link card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="233"/>
        <source>Update on Bluesky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="233"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="241"/>
        <source>Too long for Bluesky: fewer emoji or other long characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/dialogs/share.py" line="243"/>
        <source>%n character(s) too many</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/dialogs/share.py" line="245"/>
        <source>%n character(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="276"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="294"/>
        <source>Delete the post about this article from Bluesky? Replies and reposts of it go too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/dialogs/share.py" line="302"/>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="61"/>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="65"/>
        <source>Search commands and keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="66"/>
        <source>Search shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="71"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="71"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="71"/>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="72"/>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="75"/>
        <source>Leave full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="76"/>
        <source>Indent a list item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="77"/>
        <source>Show a preview block&apos;s source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="77"/>
        <source>Double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="105"/>
        <source>No command or key contains “%s”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaitingPosts</name>
    <message>
        <location filename="../../smugdesk/ui/waiting_posts.py" line="45"/>
        <source>Send &amp;Waiting Posts (%d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/waiting_posts.py" line="85"/>
        <source>No longer waiting: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/waiting_posts.py" line="87"/>
        <source>%s → %s (the account was removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/waiting_posts.py" line="89"/>
        <source>%s → %s (the file is gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/waiting_posts.py" line="96"/>
        <source>Removed from the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../smugdesk/ui/waiting_posts.py" line="127"/>
        <source>Sent %n waiting post(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/waiting_posts.py" line="132"/>
        <source>Some posts are still waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="44"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="48"/>
        <source>Welcome to smugdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="56"/>
        <source>Write offline, publish in one click. Each post is a Markdown file in a folder you own: other programs can read it, and so can you in ten years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="69"/>
        <source>Where drafts are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="71"/>
        <source>Choose Another Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="77"/>
        <source>New Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="77"/>
        <source>Start writing; the post is saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="83"/>
        <source>Add Your Blog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="84"/>
        <source>WordPress, Micropub, MetaWeblog: give its address, publish in one click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="89"/>
        <source>Open a Folder of Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="90"/>
        <source>Posts you already have (Jekyll, Hugo, Obsidian…) become your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/welcome.py" line="118"/>
        <source>Your drafts are kept in
%s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../smugdesk/ui/change_blog.py" line="91"/>
        <source>No blogs yet: add one under Blog → Blogs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/change_blog.py" line="96"/>
        <source>This post is now for %s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="33"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="35"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="39"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="50"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="59"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="75"/>
        <source>F&amp;ormat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="84"/>
        <source>&amp;Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="90"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="132"/>
        <source>&amp;Blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="137"/>
        <source>Change &amp;Blog of This Post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="138"/>
        <source>Choose the blog this post is written for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/menus.py" line="155"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="184"/>
        <source>Check: %s (Ctrl+Shift+K lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="185"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="185"/>
        <source>warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="200"/>
        <source>&amp;Check Post…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/check_dialog.py" line="202"/>
        <source>Missing images, alt text, broken links… before it goes out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="194"/>
        <source>Report a Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../smugdesk/ui/help_pages.py" line="197"/>
        <source>The version and system details are copied. Paste them into your report, with what you did and what happened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
