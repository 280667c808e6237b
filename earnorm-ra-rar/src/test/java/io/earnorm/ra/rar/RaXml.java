package io.earnorm.ra.rar;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The connection definitions and config properties that ra.xml declares, read with the JDK's DOM parser. */
record RaXml(String resourceAdapterClass, String transactionSupport, List<Definition> definitions) {

    static final Path FILE = Path.of("src/main/rar/META-INF/ra.xml");

    record Property(String name, String type, String defaultValue, String description, boolean confidential) {
    }

    record Definition(String managedConnectionFactoryClass, String connectionFactoryInterface, String connectionFactoryImplClass,
                      String connectionInterface, String connectionImplClass, List<Property> properties) {

        /** mongo, redis or postgres, from the factory's package. */
        String backend() {
            String[] parts = managedConnectionFactoryClass.split("\\.");
            return parts[parts.length - 2];
        }
    }

    static RaXml read() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(FILE.toFile());
        Element root = doc.getDocumentElement();
        if (!"connector".equals(root.getLocalName()) || !"https://jakarta.ee/xml/ns/jakartaee".equals(root.getNamespaceURI())
                || !"2.1".equals(root.getAttribute("version"))) {
            throw new IllegalStateException("ra.xml is not a Jakarta Connectors 2.1 descriptor");
        }
        List<Definition> definitions = new ArrayList<>();
        for (Element cd : children(root, "connection-definition")) {
            List<Property> properties = new ArrayList<>();
            for (Element cp : children(cd, "config-property")) {
                properties.add(new Property(text(cp, "config-property-name"), text(cp, "config-property-type"),
                        text(cp, "config-property-value"), text(cp, "description"), "true".equals(text(cp, "config-property-confidential"))));
            }
            definitions.add(new Definition(text(cd, "managedconnectionfactory-class"), text(cd, "connectionfactory-interface"),
                    text(cd, "connectionfactory-impl-class"), text(cd, "connection-interface"), text(cd, "connection-impl-class"), properties));
        }
        return new RaXml(text(root, "resourceadapter-class"), text(root, "transaction-support"), definitions);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        List<Element> deep = children(parent, name);
        return deep.isEmpty() ? null : deep.get(0).getTextContent().trim();
    }
}
